package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.storage.codec.Keys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Counted lists: append-only lists in chain order whose entries are keyed {@code prefix + ordinal
 * u64}, ordinals dense from 0, so the n-th entry from either end is one key away and a page at any
 * depth costs what the first page costs. A list's length is its last ordinal + 1. A list is named
 * by its column and prefix ({@link ColumnKey}); the values are transaction ids, or heights for a
 * generator's blocks.
 *
 * <p>The list of all transactions is kept per block instead: {@code tx_ordinals} maps the ordinal
 * of each block's first transaction to the block's height and transaction count, and {@code
 * block_txs} is walked from there.
 */
final class CountedLists {
  private CountedLists() {}

  /**
   * Transactions with the address on either side, each once; the value is the transaction id and a
   * byte of roles ({@link #SENT}, {@link #RECEIVED}), from which the address's sent and received
   * lists are read.
   */
  static ColumnKey party(String address) {
    return new ColumnKey(ColumnFamily.IDX_TX_PARTY, Keys.addressPrefix(address));
  }

  static ColumnKey type(int typeGroup, int type) {
    return new ColumnKey(ColumnFamily.IDX_TX_TYPE, Keys.typePrefix(typeGroup, type));
  }

  /** The vote transactions a wallet sent. */
  static ColumnKey voter(String address) {
    return new ColumnKey(ColumnFamily.IDX_VOTE_VOTER, Keys.addressPrefix(address));
  }

  /** The heights of the blocks a delegate forged. */
  static ColumnKey generator(String publicKey) {
    return new ColumnKey(ColumnFamily.IDX_BLOCK_GENERATOR, Keys.publicKey(publicKey));
  }

  /** The party list's role flags, after the transaction id in each entry's value. */
  static final int SENT = 1;

  static final int RECEIVED = 2;

  /** One entry a transaction adds to a counted list. */
  // short-lived write-path value, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Append(ColumnKey list, byte[] value) {}

  /**
   * The entries a transaction adds, each list once, in a fixed order: one per party (sender,
   * recipients; the value is the id and the party's roles), its type, and its sender's votes.
   */
  static List<Append> ofTransaction(TxData tx, byte[] id) {
    List<Append> out = new ArrayList<>(3 + tx.recipients().size());
    Set<String> parties = new LinkedHashSet<>();
    parties.add(tx.senderAddress());
    parties.addAll(tx.recipients());
    for (String party : parties) {
      int roles =
          (party.equals(tx.senderAddress()) ? SENT : 0)
              | (tx.recipients().contains(party) ? RECEIVED : 0);
      byte[] value = java.util.Arrays.copyOf(id, id.length + 1);
      value[id.length] = (byte) roles;
      out.add(new Append(party(party), value));
    }
    out.add(new Append(type(tx.typeGroup(), tx.type()), id));
    if (!tx.voteTargets().isEmpty()) {
      out.add(new Append(voter(tx.senderAddress()), id));
    }
    return out;
  }

  static byte[] entry(ColumnKey list, long ordinal) {
    byte[] prefix = list.key();
    return new Keys.Builder(prefix.length + Keys.HEIGHT_BYTES).bytes(prefix).u64(ordinal).build();
  }

  /** The {@code tx_ordinals} value of a block: its height and transaction count. */
  static byte[] blockOrdinalValue(long height, int count) {
    return new ByteWriter(12).u64(height).u32(count).toByteArray();
  }

  /**
   * The length of a list as stored: its last ordinal + 1, or 0.
   *
   * @param read the read's options (snapshot), or null
   */
  static long length(RocksDatabase db, ColumnKey list, ReadOptions read) {
    byte[] last = lastKey(db, list.column(), list.key(), read);
    return last == null ? 0 : Keys.readU64(last, list.key().length) + 1;
  }

  /** The number of stored transactions: the last block's first ordinal plus its count, or 0. */
  static long transactionCount(RocksDatabase db, ReadOptions read) {
    byte[][] last = lastEntry(db, ColumnFamily.TX_ORDINALS, new byte[0], read);
    if (last == null) {
      return 0;
    }
    return Keys.readU64(last[0], 0) + readU32Le(last[1], 8);
  }

  /** The last key under {@code prefix} in {@code cf}, or null. */
  static byte[] lastKey(RocksDatabase db, ColumnFamily cf, byte[] prefix, ReadOptions read) {
    byte[][] entry = lastEntry(db, cf, prefix, read);
    return entry == null ? null : entry[0];
  }

  private static byte[][] lastEntry(
      RocksDatabase db, ColumnFamily cf, byte[] prefix, ReadOptions base) {
    byte[] end = Keys.prefixEnd(prefix);
    try (Slice lower = new Slice(prefix);
        Slice upper = end == null ? null : new Slice(end);
        ReadOptions read = new ReadOptions().setIterateLowerBound(lower)) {
      if (upper != null) {
        read.setIterateUpperBound(upper);
      }
      if (base != null && base.snapshot() != null) {
        read.setSnapshot(base.snapshot());
      }
      try (RocksIterator it = db.db().newIterator(db.handle(cf), read)) {
        it.seekToLast();
        if (it.isValid()) {
          return new byte[][] {it.key(), it.value()};
        }
        checkStatus(it, cf);
        return null;
      }
    }
  }

  /**
   * An iterator that is not valid has either reached the end or failed: a failure must not read as
   * an empty list.
   */
  static void checkStatus(RocksIterator it, ColumnFamily cf) {
    try {
      it.status();
    } catch (org.rocksdb.RocksDBException e) {
      throw new StorageFailure(
          "scan of column " + cf.familyName() + " failed: " + e.getMessage(),
          StorageFailure.kindOf(e),
          null,
          e);
    }
  }

  /** The height in a {@code tx_ordinals} value. */
  static long blockOrdinalHeight(byte[] value) {
    return readU32Le(value, 0) | (readU32Le(value, 4) << 32);
  }

  static long readU32Le(byte[] bytes, int offset) {
    long v = 0;
    for (int i = 3; i >= 0; i--) {
      v = (v << 8) | (bytes[offset + i] & 0xff);
    }
    return v;
  }
}
