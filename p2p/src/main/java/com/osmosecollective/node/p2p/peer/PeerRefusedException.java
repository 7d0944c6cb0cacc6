package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.transport.Violation;

/** A peer that failed acceptance or verification; {@code violation} null when it is no offence. */
public final class PeerRefusedException extends RuntimeException {
  private final transient Violation violation;

  public PeerRefusedException(String reason, Violation violation) {
    super(reason, null, false, false);
    this.violation = violation;
  }

  public Violation violation() {
    return violation;
  }
}
