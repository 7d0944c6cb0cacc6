package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.GetPeersRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.PeerAddress;
import com.osmosecollective.node.p2p.proto.PeerProto;
import java.util.ArrayList;
import java.util.List;

/** Route {@code p2p.peer.getPeers}. */
public final class GetPeersCodec {
  public static final String ROUTE = "p2p.peer.getPeers";

  private GetPeersCodec() {}

  public static byte[] encodeRequest(GetPeersRequest request) {
    PeerProto.GetPeersRequest.Builder b = PeerProto.GetPeersRequest.newBuilder();
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static GetPeersRequest decodeRequest(byte[] payload) throws DecodeException {
    PeerProto.GetPeersRequest m =
        Protobuf.parse(PeerProto.GetPeersRequest.parser(), payload, "getPeers request");
    return new GetPeersRequest(m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(GetPeersResponse response) {
    PeerProto.GetPeersResponse.Builder b = PeerProto.GetPeersResponse.newBuilder();
    for (PeerAddress peer : response.peers()) {
      b.addPeers(
          PeerProto.GetPeersResponse.Peer.newBuilder().setIp(peer.ip()).setPort((int) peer.port()));
    }
    return b.build().toByteArray();
  }

  public static GetPeersResponse decodeResponse(byte[] payload) throws DecodeException {
    PeerProto.GetPeersResponse m =
        Protobuf.parse(PeerProto.GetPeersResponse.parser(), payload, "getPeers answer");
    if (m.getPeersCount() > GetPeersResponse.MAX_PEERS) {
      throw new DecodeException("getPeers answer lists more than 2000 peers");
    }
    List<PeerAddress> peers = new ArrayList<>(m.getPeersCount());
    for (PeerProto.GetPeersResponse.Peer peer : m.getPeersList()) {
      peers.add(
          new PeerAddress(
              Protobuf.text(peer.getIp(), "peer ip"), Integer.toUnsignedLong(peer.getPort())));
    }
    return new GetPeersResponse(peers);
  }
}
