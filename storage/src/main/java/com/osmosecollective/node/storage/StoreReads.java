package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.TxRecord;
import com.osmosecollective.node.storage.codec.TxRecordCodec;
import com.osmosecollective.node.storage.codec.ValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * The low-level reads the query classes share: single keys and multi-gets, optionally on a
 * snapshot, decoded with a codec; read errors and undecodable data end in a {@link StorageFailure}
 * reported to the store's failure listeners.
 */
final class StoreReads {
  private final RocksDatabase database;
  private final FailureTracker failures;
  private final TxRecordCodec txCodec = new TxRecordCodec();

  StoreReads(RocksDatabase database, FailureTracker failures) {
    this.database = database;
    this.failures = failures;
  }

  RocksDatabase database() {
    return database;
  }

  FailureTracker failures() {
    return failures;
  }

  /** Runs {@code read} on a snapshot of the database, released afterwards. */
  <T> T onSnapshot(Function<Snapshot, T> read) {
    try (Snapshot snapshot = database.db().getSnapshot()) {
      try {
        return read.apply(snapshot);
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  /** Reads a page of a counted list from the list's length and the page's entry keys. */
  interface CountedPageReader<T> {
    T read(long count, List<byte[]> keys, Snapshot snapshot);
  }

  /**
   * Runs {@code reader} on one snapshot with {@code list}'s length and the keys of the entries
   * {@code page} covers, in the page's order.
   */
  <T> T countedPage(ColumnKey list, PageRequest page, CountedPageReader<T> reader) {
    return onSnapshot(
        snapshot -> {
          try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            long count = CountedLists.length(database, list, read);
            List<byte[]> keys = new ArrayList<>();
            for (long ordinal : Pages.ordinals(count, page)) {
              keys.add(CountedLists.entry(list, ordinal));
            }
            return reader.read(count, keys, snapshot);
          }
        });
  }

  /** The committed tip's height as of {@code snapshot}, 0 without blocks. */
  long tipAt(Snapshot snapshot) {
    return raw(ColumnFamily.META, Meta.TIP_KEY, snapshot)
        .map(
            b -> {
              try {
                return Meta.decodeTip(b).height();
              } catch (DecodeException e) {
                throw corrupt("tip: " + e.getMessage());
              }
            })
        .orElse(0L);
  }

  /**
   * The value of {@code key} in {@code cf}, decoded.
   *
   * @param snapshot the read's snapshot, or null for the latest state
   */
  <V> Optional<V> get(ColumnFamily cf, byte[] key, ValueCodec<V> codec, Snapshot snapshot) {
    return raw(cf, key, snapshot).map(b -> decode(codec, b, cf.familyName()));
  }

  /**
   * The raw value of {@code key} in {@code cf}.
   *
   * @param snapshot the read's snapshot, or null for the latest state
   */
  Optional<byte[]> raw(ColumnFamily cf, byte[] key, Snapshot snapshot) {
    try {
      if (snapshot == null) {
        return Optional.ofNullable(database.get(cf, key));
      }
      try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
        return Optional.ofNullable(database.db().get(database.handle(cf), read, key));
      }
    } catch (RocksDBException e) {
      throw failures.failed("read of column " + cf.familyName() + " failed", e);
    }
  }

  /** The values of {@code keys} in {@code cf} on {@code snapshot}, null where a key is absent. */
  List<byte[]> multiGet(ColumnFamily cf, List<byte[]> keys, Snapshot snapshot) {
    if (keys.isEmpty()) {
      return List.of();
    }
    try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      return database
          .db()
          .multiGetAsList(read, Collections.nCopies(keys.size(), database.handle(cf)), keys);
    } catch (RocksDBException e) {
      throw new IllegalStateException("read failed: " + e.getMessage(), e);
    }
  }

  <V> V decode(ValueCodec<V> codec, byte[] bytes, String what) {
    try {
      return codec.decode(bytes);
    } catch (DecodeException e) {
      throw failures.corrupt(what + " does not decode: " + e.getMessage(), e);
    }
  }

  /** A stored transaction record with its confirmations at {@code tipHeight}. */
  StoredTransaction transaction(byte[] record, long tipHeight) {
    return stored(decode(txCodec, record, "transaction"), tipHeight);
  }

  StoredTransaction stored(TxRecord r, long tipHeight) {
    return new StoredTransaction(
        r.tx(),
        r.height(),
        r.blockId(),
        r.blockTimestamp(),
        Math.max(0, tipHeight - r.height() + 1));
  }

  StorageFailure corrupt(String what) {
    return failures.corrupt(what, null);
  }
}
