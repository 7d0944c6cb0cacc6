package com.osmosecollective.node.storage;

import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * Pages of transactions, each read on one snapshot: from counted lists and block positions by
 * ordinal (any depth costs what the first page costs), from an address's party list by role and
 * from prefix indexes by stepping.
 */
final class TransactionPages {
  private final StoreReads reads;
  private final RocksDatabase database;
  private final IndexScanner scanner;
  private final int maxPageSize;
  private final BlockDataCodec blockCodec = new BlockDataCodec();

  TransactionPages(StoreReads reads, IndexScanner scanner, int maxPageSize) {
    this.reads = reads;
    this.database = reads.database();
    this.scanner = scanner;
    this.maxPageSize = maxPageSize;
  }

  /** The number of stored transactions (exact). */
  long count() {
    return CountedLists.transactionCount(database, null);
  }

  /** {@code rocksdb.estimate-num-keys} of the transaction column. */
  long estimatedCount() {
    try {
      return database
          .db()
          .getLongProperty(database.handle(ColumnFamily.TXS), "rocksdb.estimate-num-keys");
    } catch (RocksDBException e) {
      throw reads.failures().failed("read of the transaction count failed", e);
    }
  }

  /** A block's transactions by position (dense, so read by position at any depth). */
  Page<StoredTransaction> ofBlock(long height, PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    Optional<BlockData> block =
        reads.get(ColumnFamily.BLOCKS, Keys.height(height), blockCodec, null);
    long count = block.map(BlockData::transactionCount).orElse(0);
    List<byte[]> keys = new ArrayList<>();
    for (long ordinal : Pages.ordinals(count, page)) {
      keys.add(Keys.heightPosition(height, (int) ordinal));
    }
    return at(ColumnFamily.BLOCK_TXS, keys, count, page, null);
  }

  /**
   * Every stored transaction by (height, position): the block holding the page's first entry is
   * found from its ordinal in {@code tx_ordinals}, then {@code block_txs} is walked from there.
   */
  Page<StoredTransaction> all(PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    return reads.onSnapshot(
        snapshot -> {
          try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            long count = CountedLists.transactionCount(database, read);
            long[] ordinals = Pages.ordinals(count, page);
            List<byte[]> keys =
                ordinals.length == 0 ? new ArrayList<>() : blockTxKeys(ordinals, page, read);
            return at(ColumnFamily.BLOCK_TXS, keys, count, page, snapshot);
          }
        });
  }

  /** The {@code block_txs} keys of the transactions at {@code ordinals} (one page, in order). */
  private List<byte[]> blockTxKeys(long[] ordinals, PageRequest page, ReadOptions read) {
    long firstHeight;
    int firstPosition;
    try (RocksIterator it =
        database.db().newIterator(database.handle(ColumnFamily.TX_ORDINALS), read)) {
      it.seekForPrev(Keys.height(ordinals[0]));
      if (!it.isValid()) {
        reads.failures().checkScan(it, ColumnFamily.TX_ORDINALS);
        throw reads.corrupt("tx_ordinals has no block for ordinal " + ordinals[0]);
      }
      firstHeight = Keys.readU64(it.value(), 0);
      firstPosition = (int) (ordinals[0] - Keys.readU64(it.key(), 0));
    }
    firstHeight = Long.reverseBytes(firstHeight); // the value's height is little-endian
    List<byte[]> keys = new ArrayList<>();
    try (RocksIterator it =
        database.db().newIterator(database.handle(ColumnFamily.BLOCK_TXS), read)) {
      it.seek(Keys.heightPosition(firstHeight, firstPosition));
      for (int i = 0; i < ordinals.length && it.isValid(); i++) {
        keys.add(it.key());
        step(it, page);
      }
      reads.failures().checkScan(it, ColumnFamily.BLOCK_TXS);
    }
    if (keys.size() != ordinals.length) {
      throw reads.corrupt("block_txs ends before the ordinal count says");
    }
    return keys;
  }

  /** A page of a counted list of transactions, read by ordinal: one snapshot, two multi-gets. */
  Page<StoredTransaction> counted(ColumnKey list, PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    return reads.countedPage(
        list, page, (count, keys, snapshot) -> at(list.column(), keys, count, page, snapshot));
  }

  /**
   * An address's sent or received transactions: its party list's entries with that role, stepped
   * through from the page's end (entries are a transaction id and a role byte, so skipped ones cost
   * a key and 33 bytes each).
   */
  Page<StoredTransaction> byRole(String address, int role, PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    ColumnKey list = CountedLists.party(address);
    byte[] prefix = list.key();
    byte[] end = Keys.prefixEnd(prefix);
    return reads.onSnapshot(
        snapshot -> {
          try (Slice lower = new Slice(prefix);
              Slice upper = new Slice(end);
              ReadOptions read =
                  new ReadOptions()
                      .setSnapshot(snapshot)
                      .setIterateLowerBound(lower)
                      .setIterateUpperBound(upper);
              RocksIterator it = database.db().newIterator(database.handle(list.column()), read)) {
            List<byte[]> keys = new ArrayList<>(page.limit());
            long skipped = 0;
            boolean more = false;
            if (page.oldestFirst()) {
              it.seekToFirst();
            } else {
              it.seekToLast();
            }
            for (; it.isValid(); step(it, page)) {
              byte[] value = it.value();
              if ((value[value.length - 1] & role) == 0) {
                continue;
              }
              if (skipped < page.offset()) {
                skipped++;
              } else if (keys.size() < page.limit()) {
                keys.add(it.key());
              } else {
                more = true;
                break;
              }
            }
            reads.failures().checkScan(it, list.column());
            Page<StoredTransaction> found = at(list.column(), keys, -1, page, snapshot);
            return new Page<>(found.items(), more);
          }
        });
  }

  /** A page of a prefix index whose values are transaction ids, stepped through. */
  Page<StoredTransaction> scanned(ColumnFamily cf, byte[] prefix, PageRequest page) {
    Pages.checkLimit(page, maxPageSize);
    return reads.onSnapshot(
        snapshot -> {
          long tipHeight = reads.tipAt(snapshot);
          List<IndexScanner.Entry> entries = scanner.scan(cf, prefix, page, snapshot);
          int n = Math.min(entries.size(), page.limit());
          List<byte[]> ids = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            ids.add(entries.get(i).value());
          }
          List<StoredTransaction> out = new ArrayList<>(n);
          if (n == 0) {
            return new Page<>(out, false);
          }
          try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            List<byte[]> values =
                database
                    .db()
                    .multiGetAsList(
                        read, Collections.nCopies(n, database.handle(ColumnFamily.TXS)), ids);
            for (int i = 0; i < n; i++) {
              if (values.get(i) == null) {
                throw reads.corrupt("index entry for a missing transaction");
              }
              out.add(reads.transaction(values.get(i), tipHeight));
            }
          } catch (RocksDBException e) {
            throw reads.failures().failed("read of transactions failed", e);
          }
          return new Page<>(out, entries.size() > page.limit());
        });
  }

  /**
   * The transactions whose ids the {@code keys} of {@code cf} hold, in key order.
   *
   * @param count the list's length, or -1 when it is not known
   * @param snapshot the read's snapshot, or null to take one
   */
  private Page<StoredTransaction> at(
      ColumnFamily cf, List<byte[]> keys, long count, PageRequest page, Snapshot snapshot) {
    if (snapshot == null) {
      return reads.onSnapshot(own -> at(cf, keys, count, page, own));
    }
    long tipHeight = reads.tipAt(snapshot);
    List<byte[]> ids = new ArrayList<>(keys.size());
    for (byte[] value : reads.multiGet(cf, keys, snapshot)) {
      if (value == null || value.length < 32) {
        throw reads.corrupt("a counted list entry is missing");
      }
      // party entries carry a role byte after the id
      ids.add(value.length == 32 ? value : Arrays.copyOf(value, 32));
    }
    List<StoredTransaction> out = new ArrayList<>(ids.size());
    for (byte[] value : reads.multiGet(ColumnFamily.TXS, ids, snapshot)) {
      if (value == null) {
        throw reads.corrupt("list entry for a missing transaction");
      }
      out.add(reads.transaction(value, tipHeight));
    }
    return count < 0 ? new Page<>(out, false) : new Page<>(out, Pages.more(count, page), count);
  }

  private static void step(RocksIterator it, PageRequest page) {
    if (page.oldestFirst()) {
      it.next();
    } else {
      it.prev();
    }
  }
}
