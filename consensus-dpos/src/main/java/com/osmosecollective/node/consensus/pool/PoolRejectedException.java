package com.osmosecollective.node.consensus.pool;

/** Thrown by the wallet-dependent stage when a transaction cannot enter the pool. */
public final class PoolRejectedException extends Exception {
  private final transient PoolRejection rejection;

  public PoolRejectedException(RejectionCode code, String message) {
    super(message);
    this.rejection = new PoolRejection(code, message);
  }

  public PoolRejection rejection() {
    return rejection;
  }
}
