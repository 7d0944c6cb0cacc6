package com.osmosecollective.node.storage;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The chain database failed: a write could not be made (disk full, I/O error), or a read found the
 * stored data damaged (checksum mismatch, a record that does not decode, a scan that ended on an
 * error). Nothing of a failed write batch was written, and after any failure the store refuses
 * further writes: the node must stop rather than go on with a state it can no longer trust or keep.
 */
public final class StorageFailure extends RuntimeException {
  /** What kind of failure; each maps to its own exit code in the node. */
  public enum Kind {
    /** A write failed for lack of space. */
    DISK_FULL,
    /** A read or write failed in the operating system or the device. */
    IO_ERROR,
    /** Stored data is damaged: checksum mismatch, undecodable record, broken invariant. */
    CORRUPTION
  }

  private final Kind kind;
  private final Path directory;

  public StorageFailure(String message, Kind kind, Path directory, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.directory = directory;
  }

  /** A failure of RocksDB, classified by its status code. */
  static StorageFailure of(String what, Path directory, RocksDBException e) {
    Kind kind = kindOf(e);
    return new StorageFailure(what + ": " + describe(e), kind, directory, e);
  }

  static Kind kindOf(RocksDBException e) {
    Status status = e.getStatus();
    if (status != null && status.getSubCode() == Status.SubCode.NoSpace) {
      return Kind.DISK_FULL;
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left")) {
      return Kind.DISK_FULL;
    }
    if ((status != null && status.getCode() == Status.Code.Corruption)
        || message.startsWith("Corruption")) {
      return Kind.CORRUPTION;
    }
    return Kind.IO_ERROR;
  }

  static String describe(RocksDBException e) {
    return e.getMessage() == null ? String.valueOf(e.getStatus()) : e.getMessage();
  }

  public Kind kind() {
    return kind;
  }

  public boolean diskFull() {
    return kind == Kind.DISK_FULL;
  }

  /** The database directory that failed. */
  public Path directory() {
    return directory;
  }
}
