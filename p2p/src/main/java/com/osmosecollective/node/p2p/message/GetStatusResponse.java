package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code peer.GetStatusResponse}: a node's chain state and configuration. */
public record GetStatusResponse(PeerState state, PeerConfig config) {
  public GetStatusResponse {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(config, "config");
  }
}
