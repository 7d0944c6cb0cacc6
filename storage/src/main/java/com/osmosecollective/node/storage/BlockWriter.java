package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.RoundCodec;
import com.osmosecollective.node.storage.codec.TxRecord;
import com.osmosecollective.node.storage.codec.TxRecordCodec;
import com.osmosecollective.node.storage.codec.UndoCodec;
import com.osmosecollective.node.storage.codec.UndoEntry;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.RocksDBException;

/**
 * Turns one {@link BlockCommit} into writes on a {@link PendingBatch}: block, transactions,
 * transaction indexes, wallets and their indexes, round, tip, undo record and undo pruning.
 */
final class BlockWriter {
  private static final byte[] EMPTY = new byte[0];

  private final BlockDataCodec blockCodec = new BlockDataCodec();
  private final TxRecordCodec txCodec = new TxRecordCodec();
  private final WalletCodec walletCodec = new WalletCodec();
  private final RoundCodec roundCodec = new RoundCodec();
  private final UndoCodec undoCodec = new UndoCodec(ColumnFamily.all().size());
  private final int undoKeep;

  BlockWriter(int undoKeep) {
    this.undoKeep = undoKeep;
  }

  /** Writes the block; the batch must be inside {@code beginBlock}. Returns the new tip. */
  ChainTip write(PendingBatch batch, ChainTip previous, BlockCommit commit)
      throws RocksDBException {
    BlockData block = commit.block();
    long height = block.height();
    requireChained(previous, block);

    batch.insert(ColumnFamily.BLOCKS, Keys.height(height), blockCodec.encode(block));
    batch.insert(ColumnFamily.BLOCK_IDS, Keys.blockId(block.id()), Keys.height(height));
    batch.insert(
        ColumnFamily.IDX_BLOCK_GENERATOR,
        Keys.prefixHeight(Keys.publicKey(block.generatorPublicKey()), height),
        EMPTY);
    for (TxData tx : commit.transactions()) {
      writeTransaction(batch, block, tx);
    }
    appendToLists(batch, commit);
    long genesisSupply = 0;
    List<byte[]> walletKeys = new java.util.ArrayList<>(commit.walletChanges().size());
    for (WalletChange change : commit.walletChanges()) {
      walletKeys.add(Keys.address(change.address()));
    }
    List<Optional<byte[]>> priors = batch.readAll(ColumnFamily.WALLETS, walletKeys);
    for (int i = 0; i < walletKeys.size(); i++) {
      WalletChange change = commit.walletChanges().get(i);
      writeWallet(batch, change, walletKeys.get(i), priors.get(i));
      if (change.value() != null) {
        genesisSupply = Math.addExact(genesisSupply, change.value().votingWeight());
      }
    }
    if (commit.newRound() != null) {
      batch.put(
          ColumnFamily.ROUNDS,
          Keys.height(commit.newRound().round()),
          roundCodec.encode(commit.newRound().delegates()));
    }
    if (height == 1) {
      // what the genesis block put into wallets: the base the supply invariant adds rewards to
      batch.put(ColumnFamily.META, Meta.SUPPLY_BASE_KEY, Meta.encodeLong(genesisSupply));
    }
    ChainTip tip = new ChainTip(height, block.id());
    batch.putKnown(
        ColumnFamily.META,
        Meta.TIP_KEY,
        Meta.encodeTip(tip),
        previous == null ? null : Meta.encodeTip(previous));
    List<UndoEntry> undo = batch.undoEntries();
    batch.putUntracked(ColumnFamily.UNDO, Keys.height(height), undoCodec.encode(undo));
    if (height > undoKeep) {
      batch.deleteUntracked(ColumnFamily.UNDO, Keys.height(height - undoKeep));
      batch.putUntracked(
          ColumnFamily.META, Meta.UNDO_FLOOR_KEY, Meta.encodeLong(height - undoKeep + 1));
    }
    return tip;
  }

  private static void requireChained(ChainTip previous, BlockData block) {
    long expected = previous == null ? 1 : previous.height() + 1;
    if (block.height() != expected) {
      throw new IllegalStateException(
          "block " + block.height() + " does not follow the tip; expected height " + expected);
    }
    if (previous != null && !previous.id().equals(block.previousId())) {
      throw new IllegalStateException(
          "block "
              + block.height()
              + " names previous block "
              + block.previousId()
              + ", the tip is "
              + previous.id());
    }
  }

  private void writeTransaction(PendingBatch batch, BlockData block, TxData tx)
      throws RocksDBException {
    long height = block.height();
    byte[] id = Keys.txId(tx.id());
    int pos = tx.position();
    batch.insert(
        ColumnFamily.TXS,
        id,
        txCodec.encode(new TxRecord(height, block.id(), block.timestamp(), tx)));
    batch.insert(ColumnFamily.BLOCK_TXS, Keys.heightPosition(height, pos), id);
    for (IndexEntry entry : indexEntries(height, tx)) {
      batch.insert(entry.column(), entry.key(), id);
    }
    if (tx.ipfsHash() != null) {
      batch.put(ColumnFamily.IPFS, Keys.ipfsHash(tx.ipfsHash()), id);
    }
    if (tx.htlcSettledLockId() != null) {
      batch.put(ColumnFamily.HTLC_SETTLEMENTS, Keys.txId(tx.htlcSettledLockId()), id);
    }
  }

  /**
   * Appends the block to its generator's list and each transaction to its counted lists: the new
   * entries are the block's own keys; the lengths are overwritten keys, so the undo record holds
   * each list's length before the block, from which revert finds the entries to delete.
   */
  private static void appendToLists(PendingBatch batch, BlockCommit commit)
      throws RocksDBException {
    Map<ColumnKey, List<byte[]>> appended = new LinkedHashMap<>();
    BlockData block = commit.block();
    append(
        appended, CountedLists.generator(block.generatorPublicKey()), Keys.height(block.height()));
    for (TxData tx : commit.transactions()) {
      byte[] id = Keys.txId(tx.id());
      for (byte[] list : CountedLists.ofTransaction(tx)) {
        append(appended, list, id);
      }
    }
    List<byte[]> lists = new java.util.ArrayList<>(appended.size());
    appended.keySet().forEach(k -> lists.add(k.key()));
    List<Optional<byte[]>> priors = batch.readAll(ColumnFamily.LIST_COUNTS, lists);
    int i = 0;
    for (Map.Entry<ColumnKey, List<byte[]>> e : appended.entrySet()) {
      byte[] list = e.getKey().key();
      Optional<byte[]> prior = priors.get(i++);
      long count = prior.isEmpty() ? 0 : count(prior.get(), list);
      for (byte[] value : e.getValue()) {
        batch.insert(ColumnFamily.LIST_ENTRIES, CountedLists.entry(list, count++), value);
      }
      batch.putKnown(
          ColumnFamily.LIST_COUNTS, list, CountedLists.encodeCount(count), prior.orElse(null));
    }
  }

  private static void append(Map<ColumnKey, List<byte[]>> appended, byte[] list, byte[] value) {
    appended
        .computeIfAbsent(
            new ColumnKey(ColumnFamily.LIST_COUNTS, list), k -> new java.util.ArrayList<>())
        .add(value);
  }

  private static long count(byte[] bytes, byte[] list) {
    try {
      return CountedLists.decodeCount(bytes);
    } catch (DecodeException e) {
      throw new IllegalStateException("list length " + Hex.encode(list) + " is corrupt", e);
    }
  }

  /**
   * Adds to {@code batch} the deletion of the counted-list entries the block being reverted
   * appended: for each list length in its undo record, the ordinals from that prior length up to
   * the current one.
   */
  static void deleteListEntries(
      RocksDatabase db, org.rocksdb.WriteBatch batch, List<UndoEntry> undo)
      throws RocksDBException {
    for (UndoEntry e : undo) {
      if (e.column() != ColumnFamily.LIST_COUNTS.code()) {
        continue;
      }
      byte[] current = db.get(ColumnFamily.LIST_COUNTS, e.key());
      long to = current == null ? 0 : count(current, e.key());
      long from = e.prior() == null ? 0 : count(e.prior(), e.key());
      for (long ordinal = from; ordinal < to; ordinal++) {
        batch.delete(db.handle(ColumnFamily.LIST_ENTRIES), CountedLists.entry(e.key(), ordinal));
      }
    }
  }

  /**
   * Adds to {@code batch} the deletion of every key block {@code height} created itself: its block
   * record, id and generator entries, its transactions and all their index entries, found from the
   * stored block and transaction records.
   */
  static void deleteOwnKeys(RocksDatabase db, org.rocksdb.WriteBatch batch, long height)
      throws RocksDBException {
    byte[] blockBytes = db.get(ColumnFamily.BLOCKS, Keys.height(height));
    if (blockBytes == null) {
      throw new IllegalStateException("block " + height + " is missing; cannot revert it");
    }
    BlockData block;
    try {
      block = new BlockDataCodec().decode(blockBytes);
    } catch (DecodeException e) {
      throw new IllegalStateException("block " + height + " is corrupt: " + e.getMessage(), e);
    }
    batch.delete(db.handle(ColumnFamily.BLOCKS), Keys.height(height));
    batch.delete(db.handle(ColumnFamily.BLOCK_IDS), Keys.blockId(block.id()));
    batch.delete(
        db.handle(ColumnFamily.IDX_BLOCK_GENERATOR),
        Keys.prefixHeight(Keys.publicKey(block.generatorPublicKey()), height));
    TxRecordCodec codec = new TxRecordCodec();
    for (int pos = 0; pos < block.transactionCount(); pos++) {
      byte[] positionKey = Keys.heightPosition(height, pos);
      byte[] id = db.get(ColumnFamily.BLOCK_TXS, positionKey);
      byte[] record = id == null ? null : db.get(ColumnFamily.TXS, id);
      if (record == null) {
        throw new IllegalStateException(
            "transaction " + pos + " of block " + height + " is missing; cannot revert it");
      }
      TxData tx;
      try {
        tx = codec.decode(record).tx();
      } catch (DecodeException e) {
        throw new IllegalStateException("transaction of block " + height + " is corrupt", e);
      }
      batch.delete(db.handle(ColumnFamily.BLOCK_TXS), positionKey);
      batch.delete(db.handle(ColumnFamily.TXS), id);
      for (IndexEntry entry : indexEntries(height, tx)) {
        batch.delete(db.handle(entry.column()), entry.key());
      }
    }
  }

  /** One entry of a transaction index: column and key; the value is always the transaction id. */
  // short-lived write-path value, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record IndexEntry(ColumnFamily column, byte[] key) {}

  /** Every transaction-index entry of a transaction; the checker uses the same derivation. */
  static List<IndexEntry> indexEntries(long height, TxData tx) {
    int pos = tx.position();
    List<IndexEntry> out = new java.util.ArrayList<>(6 + 2 * tx.recipients().size());
    byte[] sender = Keys.addressPrefix(tx.senderAddress());
    out.add(
        new IndexEntry(ColumnFamily.IDX_TX_SENDER, Keys.prefixHeightPosition(sender, height, pos)));
    for (String recipient : tx.recipients()) {
      out.add(
          new IndexEntry(
              ColumnFamily.IDX_TX_RECIPIENT,
              Keys.prefixHeightPosition(Keys.addressPrefix(recipient), height, pos)));
    }
    out.add(
        new IndexEntry(
            ColumnFamily.IDX_TX_TYPE,
            Keys.prefixHeightPosition(Keys.typePrefix(tx.typeGroup(), tx.type()), height, pos)));
    if (!tx.voteTargets().isEmpty()) {
      out.add(
          new IndexEntry(
              ColumnFamily.IDX_VOTE_VOTER, Keys.prefixHeightPosition(sender, height, pos)));
      for (String target : new LinkedHashSet<>(tx.voteTargets())) {
        out.add(
            new IndexEntry(
                ColumnFamily.IDX_VOTE_DELEGATE,
                Keys.prefixHeightPosition(Keys.publicKey(target), height, pos)));
      }
    }
    if (tx.htlcLock() != null) {
      out.add(
          new IndexEntry(
              ColumnFamily.IDX_HTLC_SENDER, Keys.prefixHeightPosition(sender, height, pos)));
      out.add(
          new IndexEntry(
              ColumnFamily.IDX_HTLC_RECIPIENT,
              Keys.prefixHeightPosition(
                  Keys.addressPrefix(tx.htlcLock().recipientAddress()), height, pos)));
    }
    return out;
  }

  private void writeWallet(
      PendingBatch batch, WalletChange change, byte[] key, Optional<byte[]> priorBytes)
      throws RocksDBException {
    Wallet before = null;
    if (priorBytes.isPresent()) {
      try {
        before = walletCodec.decode(priorBytes.get());
      } catch (DecodeException e) {
        throw new IllegalStateException(
            "stored wallet " + change.address() + " is corrupt: " + e.getMessage(), e);
      }
    }
    if (change.value() == null) {
      if (priorBytes.isPresent()) {
        batch.deleteKnown(ColumnFamily.WALLETS, key, priorBytes.get());
      }
    } else {
      byte[] encoded = walletCodec.encode(change.value());
      if (priorBytes.isEmpty() || !Arrays.equals(priorBytes.get(), encoded)) {
        batch.putKnown(ColumnFamily.WALLETS, key, encoded, priorBytes.orElse(null));
      }
    }
    WalletIndexes.update(batch, before, change.value());
  }
}
