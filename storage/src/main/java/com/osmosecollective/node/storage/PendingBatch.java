package com.osmosecollective.node.storage;

import com.osmosecollective.node.storage.codec.UndoEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One RocksDB {@link WriteBatch} holding one or more complete blocks, with the bookkeeping that
 * turns writes into undo entries. Each block starts at a save point; a block that fails half-way is
 * rolled back to it, so the batch only ever holds complete blocks.
 *
 * <p>Keys that later blocks of the same batch may read back (wallets, rounds, unique-value keys,
 * meta) are mirrored in an overlay, since RocksDB cannot see them before the batch is written.
 */
final class PendingBatch implements AutoCloseable {
  /** A pending value; null bytes mean the key is deleted. */
  // a pending write's bytes, never compared
  @SuppressWarnings("ArrayRecordComponent")
  private record Pending(byte[] value) {}

  private final RocksDatabase database;
  private final BatchBuilder batch;
  private BatchBuilder.Mark blockStart;
  private final Map<ColumnKey, Pending> overlay = new HashMap<>();
  private Map<ColumnKey, Pending> blockOverlay = new HashMap<>();
  private final Set<ColumnKey> touchedInBlock = new HashSet<>();

  /** Next ordinal of each counted list the batch's complete blocks appended to. */
  private final Map<ColumnKey, Long> nextOrdinals = new HashMap<>();

  private Map<ColumnKey, Long> blockOrdinals = new HashMap<>();
  private final Map<ColumnFamily, org.rocksdb.RocksIterator> iterators =
      new java.util.EnumMap<>(ColumnFamily.class);
  private List<UndoEntry> undo = new ArrayList<>();
  private int blocks;
  private ChainTip tip;

  /** A batch written into {@code batch}, which is emptied first (the store reuses one builder). */
  PendingBatch(RocksDatabase database, BatchBuilder batch) {
    this.database = database;
    this.batch = batch;
    batch.reset();
  }

  void beginBlock() {
    blockStart = batch.mark();
    blockOverlay = new HashMap<>();
    blockOrdinals = new HashMap<>();
    touchedInBlock.clear();
    undo = new ArrayList<>();
  }

  /** The undo entries of the current block so far. */
  List<UndoEntry> undoEntries() {
    return undo;
  }

  /** Keeps the block: its overlay joins the batch's. */
  void endBlock(ChainTip newTip) {
    overlay.putAll(blockOverlay);
    blockOverlay = new HashMap<>();
    nextOrdinals.putAll(blockOrdinals);
    blockOrdinals = new HashMap<>();
    blocks++;
    tip = newTip;
  }

  /** Drops everything of the current block, leaving the earlier complete blocks. */
  void abortBlock() {
    batch.rollback(blockStart);
    blockOverlay = new HashMap<>();
    blockOrdinals = new HashMap<>();
    touchedInBlock.clear();
    undo = new ArrayList<>();
  }

  int blocks() {
    return blocks;
  }

  ChainTip tip() {
    return tip;
  }

  /** The native batch of all complete blocks; the caller closes it. */
  WriteBatch toWriteBatch() {
    return batch.toWriteBatch();
  }

  /** The current value of a key: this block's writes, then the batch's, then the database. */
  Optional<byte[]> read(ColumnFamily cf, byte[] key) throws RocksDBException {
    ColumnKey ck = new ColumnKey(cf, key);
    Pending p = blockOverlay.get(ck);
    if (p == null) {
      p = overlay.get(ck);
    }
    if (p != null) {
      return Optional.ofNullable(p.value());
    }
    return Optional.ofNullable(database.get(cf, key));
  }

  /** Current values of many keys of one column; database misses are fetched in one multi-get. */
  List<Optional<byte[]>> readAll(ColumnFamily cf, List<byte[]> keys) throws RocksDBException {
    List<Optional<byte[]>> out = new ArrayList<>(keys.size());
    List<byte[]> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (byte[] key : keys) {
      ColumnKey ck = new ColumnKey(cf, key);
      Pending p = blockOverlay.get(ck);
      if (p == null) {
        p = overlay.get(ck);
      }
      if (p != null) {
        out.add(Optional.ofNullable(p.value()));
      } else {
        missingAt.add(out.size());
        missing.add(key);
        out.add(Optional.empty());
      }
    }
    if (!missing.isEmpty()) {
      List<byte[]> found =
          database
              .db()
              .multiGetAsList(
                  java.util.Collections.nCopies(missing.size(), database.handle(cf)), missing);
      for (int i = 0; i < missing.size(); i++) {
        out.set(missingAt.get(i), Optional.ofNullable(found.get(i)));
      }
    }
    return out;
  }

  /**
   * Reserves the next {@code n} ordinals of a counted list (RocksDB cannot see the batch's earlier
   * blocks, so their appends are remembered here).
   *
   * @param storedLength reads the list's length in the database when the batch has not touched it,
   *     or null to read it here
   * @return the first reserved ordinal
   */
  long reserveOrdinals(ColumnKey list, long n, java.util.function.LongSupplier storedLength) {
    Long next = blockOrdinals.get(list);
    if (next == null) {
      next = nextOrdinals.get(list);
    }
    if (next == null) {
      next = storedLength != null ? storedLength.getAsLong() : storedLength(list);
    }
    blockOrdinals.put(list, next + n);
    return next;
  }

  /**
   * A counted list's length in the database: one backward seek on an iterator kept per column for
   * the batch (creating one per lookup costs more than the seek).
   */
  private long storedLength(ColumnKey list) {
    org.rocksdb.RocksIterator it =
        iterators.computeIfAbsent(
            list.column(), cf -> database.db().newIterator(database.handle(cf)));
    byte[] prefix = list.key();
    byte[] last = java.util.Arrays.copyOf(prefix, prefix.length + 8);
    java.util.Arrays.fill(last, prefix.length, last.length, (byte) 0xff);
    it.seekForPrev(last);
    if (!it.isValid()) {
      CountedLists.checkStatus(it, list.column());
      return 0;
    }
    byte[] key = it.key();
    if (key.length != last.length
        || !java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
      return 0;
    }
    return com.osmosecollective.node.storage.codec.Keys.readU64(key, prefix.length) + 1;
  }

  RocksDatabase database() {
    return database;
  }

  /**
   * Writes one of the block's own keys: a key that cannot exist yet because it holds the new height
   * or the block's or a transaction's unique id. Its prior absence is implied, so it takes no room
   * in the undo record; revert enumerates these keys from the block's stored records.
   */
  void insert(ColumnFamily cf, byte[] key, byte[] value) throws RocksDBException {
    batch.put(id(cf), key, value);
  }

  /** Writes a key, reading its prior value for the undo record. */
  void put(ColumnFamily cf, byte[] key, byte[] value) throws RocksDBException {
    byte[] prior = read(cf, key).orElse(null);
    putKnown(cf, key, value, prior);
  }

  void delete(ColumnFamily cf, byte[] key) throws RocksDBException {
    byte[] prior = read(cf, key).orElse(null);
    deleteKnown(cf, key, prior);
  }

  /** Writes a key whose prior value the caller already knows (derived from a prior wallet). */
  void putKnown(ColumnFamily cf, byte[] key, byte[] value, byte[] prior) throws RocksDBException {
    ColumnKey ck = new ColumnKey(cf, key);
    remember(ck, prior);
    batch.put(id(cf), key, value);
    blockOverlay.put(ck, new Pending(value));
  }

  void deleteKnown(ColumnFamily cf, byte[] key, byte[] prior) throws RocksDBException {
    ColumnKey ck = new ColumnKey(cf, key);
    remember(ck, prior);
    batch.delete(id(cf), key);
    blockOverlay.put(ck, new Pending(null));
  }

  /** A write kept out of undo records: the undo record itself and its pruning. */
  void putUntracked(ColumnFamily cf, byte[] key, byte[] value) throws RocksDBException {
    batch.put(id(cf), key, value);
  }

  void deleteUntracked(ColumnFamily cf, byte[] key) throws RocksDBException {
    batch.delete(id(cf), key);
  }

  private void remember(ColumnKey ck, byte[] prior) {
    // the first write of a key in a block holds the value to restore
    if (touchedInBlock.add(ck)) {
      undo.add(new UndoEntry(ck.column().code(), ck.key(), prior));
    }
  }

  private int id(ColumnFamily cf) {
    return database.columnFamilyId(cf);
  }

  long dataSize() {
    return batch.dataSize();
  }

  @Override
  public void close() {
    // the builder holds no native memory; the lookup iterators do
    iterators.values().forEach(org.rocksdb.RocksIterator::close);
    iterators.clear();
  }
}
