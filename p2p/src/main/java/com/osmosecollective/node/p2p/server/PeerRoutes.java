package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.p2p.codec.GetCommonBlocksCodec;
import com.osmosecollective.node.p2p.codec.GetPeersCodec;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.GetPeersRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.PeerAddress;
import com.osmosecollective.node.p2p.peer.Peer;
import com.osmosecollective.node.p2p.peer.PeerTable;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code p2p.peer.getPeers}, {@code getStatus} and {@code getCommonBlocks}. */
public final class PeerRoutes {
  private final PeerTable peers;
  private final LocalStatus status;
  private final ChainQueries queries;

  public PeerRoutes(PeerTable peers, LocalStatus status, ChainQueries queries) {
    this.peers = peers;
    this.status = status;
    this.queries = queries;
  }

  public List<Route> routes() {
    return List.of(
        new Route(GetPeersCodec.ROUTE, 1024, false, this::getPeers),
        new Route(GetStatusCodec.ROUTE, 1024, false, this::getStatus),
        new Route(GetCommonBlocksCodec.ROUTE, 10 * 1024, false, this::getCommonBlocks));
  }

  /**
   * The known peers by latency, without the caller: ARK leaves out the caller's IP; on a local
   * network, where peers share an IP, only the caller's own listening port is left out.
   */
  private CompletableFuture<byte[]> getPeers(Caller caller, byte[] payload)
      throws com.osmosecollective.node.core.encoding.DecodeException {
    GetPeersRequest request = GetPeersCodec.decodeRequest(payload);
    caller.seen(request.headers());
    Integer callerPort = request.headers() == null ? null : request.headers().port();
    List<PeerAddress> out = new ArrayList<>();
    for (Peer peer : peers.byLatency()) {
      boolean sameIp = peer.key().ip().equals(caller.ip());
      boolean isCaller = sameIp && (callerPort == null || callerPort == peer.key().port());
      if (!isCaller && out.size() < GetPeersResponse.MAX_PEERS) {
        out.add(new PeerAddress(peer.key().ipText(), peer.key().port()));
      }
    }
    return CompletableFuture.completedFuture(
        GetPeersCodec.encodeResponse(new GetPeersResponse(out)));
  }

  private CompletableFuture<byte[]> getStatus(Caller caller, byte[] payload)
      throws com.osmosecollective.node.core.encoding.DecodeException {
    GetStatusRequest request = GetStatusCodec.decodeRequest(payload);
    caller.seen(request.headers());
    return CompletableFuture.completedFuture(GetStatusCodec.encodeResponse(status.status()));
  }

  /**
   * The highest of the asked ids we hold. None gives {@code common: null}, which ARK's answer
   * schema allows (ARK itself ends the socket instead).
   */
  private CompletableFuture<byte[]> getCommonBlocks(Caller caller, byte[] payload)
      throws com.osmosecollective.node.core.encoding.DecodeException, PeerViolationException {
    GetCommonBlocksRequest request = GetCommonBlocksCodec.decodeRequest(payload);
    if (request.ids().isEmpty()) {
      throw new PeerViolationException(Violation.DECODING, "getCommonBlocks without ids");
    }
    caller.seen(request.headers());
    CommonBlock best = null;
    for (String id : request.ids()) {
      Optional<BlockData> block = queries.blockById(id);
      if (block.isPresent() && (best == null || block.get().height() > best.height())) {
        best = new CommonBlock(block.get().height(), block.get().id());
      }
    }
    return CompletableFuture.completedFuture(
        GetCommonBlocksCodec.encodeResponse(new GetCommonBlocksResponse(best)));
  }
}
