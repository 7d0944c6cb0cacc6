package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.GetPeersRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.PeerAddress;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/** Route {@code p2p.peer.getPeers}. */
public final class GetPeersCodec {
  public static final String ROUTE = "p2p.peer.getPeers";

  private GetPeersCodec() {}

  public static byte[] encodeRequest(GetPeersRequest request) {
    ProtoWriter out = new ProtoWriter();
    if (request.headers() != null) {
      out.message(1, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static GetPeersRequest decodeRequest(byte[] payload) throws DecodeException {
    return new GetPeersRequest(RequestHeaders.only(payload, 1));
  }

  public static byte[] encodeResponse(GetPeersResponse response) {
    ProtoWriter out = new ProtoWriter();
    for (PeerAddress peer : response.peers()) {
      out.message(1, new ProtoWriter().string(1, peer.ip()).uint32(2, peer.port()));
    }
    return out.toByteArray();
  }

  public static GetPeersResponse decodeResponse(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    List<PeerAddress> peers = new ArrayList<>();
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 1) {
        if (peers.size() == GetPeersResponse.MAX_PEERS) {
          throw new DecodeException("getPeers answer lists more than 2000 peers");
        }
        peers.add(readPeer(r.message(WireLimits.MAX_TEXT_BYTES, "peer")));
      } else {
        r.skip(field);
      }
    }
    return new GetPeersResponse(peers);
  }

  private static PeerAddress readPeer(ProtoReader r) throws DecodeException {
    String ip = "";
    long port = 0;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> ip = r.string(WireLimits.MAX_TEXT_BYTES, "peer ip");
        case 2 -> port = r.uint32("peer port");
        default -> r.skip(field);
      }
    }
    return new PeerAddress(ip, port);
  }
}
