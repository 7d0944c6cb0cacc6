package com.osmosecollective.node.storage;

/**
 * A write to the database failed (disk full, I/O error). Nothing of the failed batch was written,
 * and the store refuses further writes: the node must stop rather than continue half-written.
 */
public final class StorageFailure extends RuntimeException {
  private final boolean diskFull;

  public StorageFailure(String message, boolean diskFull, Throwable cause) {
    super(message, cause);
    this.diskFull = diskFull;
  }

  public boolean diskFull() {
    return diskFull;
  }
}
