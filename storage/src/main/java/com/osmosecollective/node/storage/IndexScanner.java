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
  record Entry(byte[] key, byte[] value) {}

  private final RocksDatabase database;

  IndexScanner(RocksDatabase database) {
    this.database = database;
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
      }
    }
    return out;
  }

  /**
   * Scans the same prefix in two indexes whose keys end alike (height, position) as one ordered
   * stream; an entry present in both appears once. Holds at most one page in memory.
   */
  List<Entry> scanMerged(
      ColumnFamily first, ColumnFamily second, byte[] prefix, PageRequest page, Snapshot snapshot) {
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
      try (RocksIterator a = database.db().newIterator(database.handle(first), read);
          RocksIterator b = database.db().newIterator(database.handle(second), read)) {
        if (page.oldestFirst()) {
          a.seekToFirst();
          b.seekToFirst();
        } else {
          a.seekToLast();
          b.seekToLast();
        }
        long skipped = 0;
        while ((a.isValid() || b.isValid()) && out.size() <= page.limit()) {
          Entry next;
          if (!b.isValid()) {
            next = new Entry(a.key(), a.value());
            step(a, page);
          } else if (!a.isValid()) {
            next = new Entry(b.key(), b.value());
            step(b, page);
          } else {
            int order = java.util.Arrays.compareUnsigned(a.key(), b.key());
            boolean takeA = page.oldestFirst() ? order <= 0 : order >= 0;
            next = takeA ? new Entry(a.key(), a.value()) : new Entry(b.key(), b.value());
            if (order == 0) {
              step(a, page);
              step(b, page);
            } else {
              step(takeA ? a : b, page);
            }
          }
          if (skipped < page.offset()) {
            skipped++;
          } else {
            out.add(next);
          }
        }
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
