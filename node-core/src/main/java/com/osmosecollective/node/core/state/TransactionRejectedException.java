package com.osmosecollective.node.core.state;

import java.util.Objects;

/** A transaction that cannot be applied to the wallet state, with a reason a wallet can show. */
public final class TransactionRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;
  private final String transactionId;

  public TransactionRejectedException(Rejection rejection, String transactionId, String message) {
    super(message);
    this.rejection = Objects.requireNonNull(rejection, "rejection");
    this.transactionId = transactionId;
  }

  public Rejection rejection() {
    return rejection;
  }

  /** The machine-readable code, e.g. {@code ERR_NONCE}. */
  public String code() {
    return rejection.code();
  }

  /** The human explanation, e.g. "expected nonce 4, got 6". */
  public String message() {
    return getMessage();
  }

  public String transactionId() {
    return transactionId;
  }
}
