package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A delegate's history: the blocks it forged (its generator list, counted and in height order) and
 * its voters' weights over time (the {@code idx_vote_weight} column).
 */
final class DelegateHistory {
  private final StoreReads reads;
  private final RocksDatabase database;
  private final int maxPageSize;

  DelegateHistory(StoreReads reads, int maxPageSize) {
    this.reads = reads;
    this.database = reads.database();
    this.maxPageSize = maxPageSize;
  }

  /** Heights of the blocks a delegate forged, read by position at any depth. */
  Page<Long> blocksByGenerator(String publicKey, PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    ColumnKey list = CountedLists.generator(publicKey);
    return reads.countedPage(
        list,
        page,
        (count, keys, snapshot) -> {
          List<Long> heights = new ArrayList<>(keys.size());
          for (byte[] value : reads.multiGet(list.column(), keys, snapshot)) {
            if (value == null || value.length != Keys.HEIGHT_BYTES) {
              throw reads.corrupt("generator list entry");
            }
            heights.add(Keys.readU64(value, 0));
          }
          return new Page<>(heights, Pages.more(count, page), count);
        });
  }

  /** Voter address → weight after block {@code height}, zero weights left out. */
  SortedMap<String, Long> voteWeightsAt(String delegatePublicKey, long height) {
    SortedMap<String, Long> weights = new TreeMap<>();
    forEachVoteWeightChange(
        delegatePublicKey,
        1,
        height,
        change -> {
          if (change.weight() == 0) {
            weights.remove(change.voter());
          } else {
            weights.put(change.voter(), change.weight());
          }
        });
    return weights;
  }

  /** One bounded scan of the delegate's prefix from {@code fromHeight} to {@code toHeight}. */
  void forEachVoteWeightChange(
      String delegatePublicKey,
      long fromHeight,
      long toHeight,
      Consumer<VoteWeightChange> consumer) {
    if (toHeight < fromHeight || toHeight < 0) {
      return;
    }
    byte[] delegate = Keys.publicKey(delegatePublicKey);
    byte[] lower = Keys.prefixHeight(delegate, Math.max(0, fromHeight));
    byte[] upper =
        toHeight == Long.MAX_VALUE
            ? Keys.prefixEnd(delegate)
            : Keys.prefixHeight(delegate, toHeight + 1);
    try (Slice lowerBound = new Slice(lower);
        Slice upperBound = new Slice(upper);
        ReadOptions read =
            new ReadOptions()
                .setIterateLowerBound(lowerBound)
                .setIterateUpperBound(upperBound)
                .setFillCache(false);
        RocksIterator it =
            database.db().newIterator(database.handle(ColumnFamily.IDX_VOTE_WEIGHT), read)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        try {
          consumer.accept(
              new VoteWeightChange(
                  VoteWeights.height(key), VoteWeights.voter(key), VoteWeights.decode(it.value())));
        } catch (DecodeException e) {
          throw reads.corrupt("vote weight: " + e.getMessage());
        }
      }
      reads.failures().checkScan(it, ColumnFamily.IDX_VOTE_WEIGHT);
    }
  }

  /**
   * A binary search over the generator list's ordinals finds the first height in range, then one
   * bounded scan reads on from there.
   */
  void forEachBlockOfGenerator(
      String publicKey, long fromHeight, long toHeight, LongConsumer consumer) {
    if (toHeight < fromHeight || toHeight < 0) {
      return;
    }
    ColumnKey list = CountedLists.generator(publicKey);
    reads.onSnapshot(
        snapshot -> {
          try (ReadOptions atSnapshot = new ReadOptions().setSnapshot(snapshot)) {
            long lo = 0;
            long hi = CountedLists.length(database, list, atSnapshot);
            while (lo < hi) {
              long mid = (lo + hi) >>> 1;
              if (generatorHeight(list, mid, snapshot) < fromHeight) {
                lo = mid + 1;
              } else {
                hi = mid;
              }
            }
            scanHeights(list, lo, toHeight, snapshot, consumer);
            return null;
          }
        });
  }

  /** The generator list's heights from ordinal {@code first} up to {@code toHeight}. */
  private void scanHeights(
      ColumnKey list, long first, long toHeight, Snapshot snapshot, LongConsumer consumer) {
    try (Slice lowerBound = new Slice(CountedLists.entry(list, first));
        Slice upperBound = new Slice(Keys.prefixEnd(list.key()));
        ReadOptions read =
            new ReadOptions()
                .setSnapshot(snapshot)
                .setIterateLowerBound(lowerBound)
                .setIterateUpperBound(upperBound);
        RocksIterator it = database.db().newIterator(database.handle(list.column()), read)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        long height = Keys.readU64(it.value(), 0);
        if (height > toHeight) {
          break;
        }
        consumer.accept(height);
      }
      reads.failures().checkScan(it, list.column());
    }
  }

  private long generatorHeight(ColumnKey list, long ordinal, Snapshot snapshot) {
    byte[] value =
        reads
            .raw(list.column(), CountedLists.entry(list, ordinal), snapshot)
            .orElseThrow(() -> reads.corrupt("generator list entry " + ordinal + " is missing"));
    return Keys.readU64(value, 0);
  }
}
