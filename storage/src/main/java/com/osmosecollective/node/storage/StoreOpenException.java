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
  private final String storedNethash;

  public StoreOpenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
    this.storedNethash = null;
  }

  public StoreOpenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.storedNethash = null;
  }

  /** The database belongs to another network: the one whose nethash it is stamped with. */
  public static StoreOpenException networkMismatch(String storedNethash, String message) {
    return new StoreOpenException(message, storedNethash);
  }

  private StoreOpenException(String message, String storedNethash) {
    super(message);
    this.reason = Reason.NETWORK_MISMATCH;
    this.storedNethash = storedNethash;
  }

  /** For {@link Reason#NETWORK_MISMATCH}: the nethash the database is stamped with. */
  public java.util.Optional<String> storedNethash() {
    return java.util.Optional.ofNullable(storedNethash);
  }

  public Reason reason() {
    return reason;
  }

  public int exitCode() {
    return reason.exitCode();
  }
}
