package com.osmosecollective.node.storage;

import java.io.IOException;

/**
 * A seam for tests of failure handling: called before each write batch of a running store (block
 * commits, reverts). {@link #NONE} in a node; a test double throws to make that write fail as a
 * failing disk would ({@code "No space left on device"} in the message for a full disk, any other
 * message for an I/O error). Nothing of the batch is written then, exactly as when RocksDB fails.
 */
@FunctionalInterface
public interface WriteFaults {
  WriteFaults NONE = () -> {};

  void beforeWrite() throws IOException;

  /** A double whose {@code n}-th write (1-based) and every later one fail with {@code message}. */
  static WriteFaults failFrom(long n, String message) {
    long[] count = new long[1];
    return () -> {
      synchronized (count) {
        if (++count[0] >= n) {
          throw new IOException(message);
        }
      }
    };
  }
}
