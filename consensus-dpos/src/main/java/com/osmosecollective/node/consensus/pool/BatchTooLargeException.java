package com.osmosecollective.node.consensus.pool;

/**
 * A request with more transactions than {@code maxTransactionsPerRequest}; the whole request is
 * refused (ARK answers 422 with the schema message this exception carries).
 */
public final class BatchTooLargeException extends Exception {
  public BatchTooLargeException(int max) {
    super("should NOT have more than " + max + " items");
  }
}
