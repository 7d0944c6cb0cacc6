package com.osmosecollective.node.storage;

/** The database cannot be opened: wrong schema, wrong network, missing, unreadable or damaged. */
public final class StoreOpenException extends Exception {
  /** Why the open failed; each maps to its own process exit code. */
  public enum Reason {
    MISSING(2),
    UNREADABLE(2),
    SCHEMA_MISMATCH(3),
    NETWORK_MISMATCH(4),
    /**
     * The database is damaged: a checksum mismatch, a tip that is not readable or not chained, a
     * directory with files but no {@code CURRENT}. Same exit code as a corruption met while
     * running.
     */
    CORRUPT(12);

    private final int exitCode;

    Reason(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Reason reason;

  public StoreOpenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public StoreOpenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public int exitCode() {
    return reason.exitCode();
  }
}
