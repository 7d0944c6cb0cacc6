package com.osmosecollective.node.p2p.message;

import java.util.List;

/** {@code peer.GetPeersResponse}: the peers a node knows, at most 2000 (spec §7.2). */
public record GetPeersResponse(List<PeerAddress> peers) {
  public static final int MAX_PEERS = 2000;

  public GetPeersResponse {
    peers = List.copyOf(peers);
  }
}
