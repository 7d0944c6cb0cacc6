package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code peer.GetPeersResponse.Peer}: a peer's IP (v4 or v6 text) and port. */
public record PeerAddress(String ip, long port) {
  public PeerAddress {
    Objects.requireNonNull(ip, "ip");
  }
}
