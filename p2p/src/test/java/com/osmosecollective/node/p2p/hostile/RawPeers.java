package com.osmosecollective.node.p2p.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.node.TestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A scripted client from 127.0.0.1 (remote access) for tests outside this package. */
public final class RawPeers implements AutoCloseable {
  private final RawPeer peer;
  private long id = 1;

  private RawPeers(RawPeer peer) {
    this.peer = peer;
  }

  public static RawPeers nes(TestNode node) throws IOException {
    return new RawPeers(RawPeer.nes("127.0.0.1", node.p2p.boundAddress().getPort()));
  }

  /** Sends a request and waits for its answer (null when the socket closed). */
  public NesFrame call(String route, byte[] payload) throws IOException {
    peer.request(++id, route, payload);
    return peer.readNes();
  }

  /** An internal route with an empty JSON body; the answer parsed. */
  public JsonNode internal(String route) throws IOException {
    NesFrame answer = call(route, "{}".getBytes(StandardCharsets.UTF_8));
    if (answer == null || answer.statusCode() != 200) {
      throw new IOException(route + " failed: " + answer);
    }
    return new ObjectMapper().readTree(answer.payload().toArray());
  }

  @Override
  public void close() throws IOException {
    peer.close();
  }
}
