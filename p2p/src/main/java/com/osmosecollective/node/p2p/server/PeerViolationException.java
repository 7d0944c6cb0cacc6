package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.p2p.transport.Violation;

/** A handler's verdict that the caller broke the protocol (schema, invalid block, ...). */
public final class PeerViolationException extends Exception {
  private final Violation violation;

  public PeerViolationException(Violation violation, String detail) {
    super(detail, null, false, false);
    this.violation = violation;
  }

  public Violation violation() {
    return violation;
  }
}
