package com.osmosecollective.node.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every RocksDB error and every undecodable record of one database into a {@link
 * StorageFailure}, remembers the first (after which the store accepts no writes) and tells the
 * listeners, on whatever thread met the failure: a reader of the API finds corruption as surely as
 * the chain thread does, and either way the node must stop.
 */
final class FailureTracker {
  private static final Logger LOG = LoggerFactory.getLogger(FailureTracker.class);

  private final Path directory;
  private final List<Consumer<StorageFailure>> listeners = new CopyOnWriteArrayList<>();
  private volatile StorageFailure first;

  FailureTracker(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  void addListener(Consumer<StorageFailure> listener) {
    listeners.add(listener);
    StorageFailure failed = first;
    if (failed != null) {
      listener.accept(failed);
    }
  }

  /** The first failure, or null while the database is healthy. */
  StorageFailure first() {
    return first;
  }

  /** A RocksDB call failed while doing {@code what}. */
  StorageFailure failed(String what, RocksDBException e) {
    return report(StorageFailure.of(what, directory, e));
  }

  /** Stored data that does not decode or contradicts itself. */
  StorageFailure corrupt(String what, Throwable cause) {
    return report(
        new StorageFailure(
            "corrupt chain database at " + directory + ": " + what,
            StorageFailure.Kind.CORRUPTION,
            directory,
            cause));
  }

  /**
   * Called after a scan's loop: an iterator stops being valid both at the end of its data and on an
   * error (a checksum mismatch, an I/O error), and only its status tells the two apart.
   */
  void checkScan(RocksIterator iterator, ColumnFamily cf) {
    try {
      iterator.status();
    } catch (RocksDBException e) {
      throw failed("scan of column " + cf.familyName() + " in " + directory + " failed", e);
    }
  }

  StorageFailure report(StorageFailure failure) {
    boolean isFirst;
    synchronized (this) {
      isFirst = first == null;
      if (isFirst) {
        first = failure;
      }
    }
    if (isFirst) {
      // the node logs its own one-line error with what to do; this is the storage's detail
      LOG.warn("chain database failure ({}): {}", failure.kind(), failure.getMessage());
      for (Consumer<StorageFailure> listener : listeners) {
        try {
          listener.accept(failure);
        } catch (RuntimeException e) {
          LOG.warn("a storage failure listener failed: {}", e.toString());
        }
      }
    }
    return failure;
  }
}
