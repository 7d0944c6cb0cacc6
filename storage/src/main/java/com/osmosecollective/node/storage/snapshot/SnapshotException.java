package com.osmosecollective.node.storage.snapshot;

/** A snapshot file that cannot be used: not one, damaged, truncated or of another chain. */
public final class SnapshotException extends Exception {
  private static final long serialVersionUID = 1L;

  public SnapshotException(String message) {
    super(message);
  }

  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
