package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code GetStatusResponse.State}: height, forging status, current slot and last block header. */
public record PeerState(
    long height, boolean forgingAllowed, long currentSlot, WireBlockHeader header) {
  public PeerState {
    Objects.requireNonNull(header, "header");
  }
}
