package com.osmosecollective.node.storage;

import com.osmosecollective.node.storage.codec.Keys;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * Bounded prefix scans: an iterator confined to one prefix by lower and upper bounds, stepping
 * forward or backward, holding at most one page in memory.
 */
final class IndexScanner {
  /** A raw entry of a scan. */
  // raw RocksDB key and value of one scan step, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Entry(byte[] key, byte[] value) {}

  private final RocksDatabase database;
  private final FailureTracker failures;

  IndexScanner(RocksDatabase database, FailureTracker failures) {
    this.database = database;
    this.failures = failures;
  }

  /** Returns {@code limit + 1} entries at most, so the caller knows whether more follow. */
  List<Entry> scan(ColumnFamily cf, byte[] prefix, PageRequest page, Snapshot snapshot) {
    List<Entry> out = new ArrayList<>(Math.min(page.limit() + 1, 128));
    byte[] end = Keys.prefixEnd(prefix);
    try (Slice lower = new Slice(prefix);
        Slice upper = end == null ? null : new Slice(end);
        ReadOptions read = new ReadOptions().setIterateLowerBound(lower)) {
      if (upper != null) {
        read.setIterateUpperBound(upper);
      }
      if (snapshot != null) {
        read.setSnapshot(snapshot);
      }
      try (RocksIterator it = database.db().newIterator(database.handle(cf), read)) {
        if (page.oldestFirst()) {
          it.seekToFirst();
        } else {
          it.seekToLast();
        }
        long skipped = 0;
        while (it.isValid() && skipped < page.offset()) {
          skipped++;
          step(it, page);
        }
        while (it.isValid() && out.size() <= page.limit()) {
          out.add(new Entry(it.key(), it.value()));
          step(it, page);
        }
        // a page cut short by an error would look like the end of the data
        failures.checkScan(it, cf);
      }
    }
    return out;
  }

  private static void step(RocksIterator it, PageRequest page) {
    if (page.oldestFirst()) {
      it.next();
    } else {
      it.prev();
    }
  }
}
