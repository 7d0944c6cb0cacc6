package com.osmosecollective.node.core.tx;

/** A transaction that breaks ARK's JSON-schema rules (spec §7.2–7.3): which field, and why. */
public final class TransactionSchemaException extends Exception {
  private final String field;
  private final String reason;

  public TransactionSchemaException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The offending field in ARK's JSON naming, e.g. {@code asset.delegate.username}. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
