package com.osmosecollective.node.core.state;

/**
 * A block whose state transition fails: one of its transactions is rejected ({@link #getCause()} is
 * the {@link TransactionRejectedException}) or its generator is not a delegate.
 */
public final class BlockRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String transactionId;

  public BlockRejectedException(
      String code, String message, String transactionId, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.transactionId = transactionId;
  }

  static BlockRejectedException of(long height, TransactionRejectedException e) {
    return new BlockRejectedException(
        e.code(),
        "block " + height + ": transaction " + e.transactionId() + " rejected: " + e.getMessage(),
        e.transactionId(),
        e);
  }

  /** The rejected transaction's code, or {@code ERR_GENERATOR_NOT_DELEGATE}, … */
  public String code() {
    return code;
  }

  /** The rejected transaction's id, or null when the block itself is at fault. */
  public String transactionId() {
    return transactionId;
  }
}
