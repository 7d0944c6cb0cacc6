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
      writeWallet(batch, height, change, walletKeys.get(i), priors.get(i));
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
    for (CountedLists.Append entry : CountedLists.ofTransaction(tx, id)) {
      append(batch, entry.list(), entry.value());
    }
    if (tx.ipfsHash() != null) {
      batch.put(ColumnFamily.IPFS, Keys.ipfsHash(tx.ipfsHash()), id);
    }
    if (tx.htlcSettledLockId() != null) {
      batch.put(ColumnFamily.HTLC_SETTLEMENTS, Keys.txId(tx.htlcSettledLockId()), id);
    }
  }

  /**
   * Appends the block to its generator's list and, when it has transactions, records the ordinal of
   * its first one in {@code tx_ordinals} (the list of all transactions). Counted-list entries are
   * the block's own keys: revert deletes the last entries each list got from the block.
   */
  private static void appendToLists(PendingBatch batch, BlockCommit commit)
      throws RocksDBException {
    BlockData block = commit.block();
    append(batch, CountedLists.generator(block.generatorPublicKey()), Keys.height(block.height()));
    int count = commit.transactions().size();
    if (count > 0) {
      RocksDatabase db = batch.database();
      long first =
          batch.reserveOrdinals(
              ALL_TRANSACTIONS, count, () -> CountedLists.transactionCount(db, null));
      batch.insert(
          ColumnFamily.TX_ORDINALS,
          Keys.height(first),
          CountedLists.blockOrdinalValue(block.height(), count));
    }
  }

  /** The key under which the batch counts all transactions ({@code tx_ordinals}). */
  private static final ColumnKey ALL_TRANSACTIONS =
      new ColumnKey(ColumnFamily.TX_ORDINALS, new byte[0]);

  private static void append(PendingBatch batch, ColumnKey list, byte[] value)
      throws RocksDBException {
    long ordinal = batch.reserveOrdinals(list, 1, null);
    batch.insert(list.column(), CountedLists.entry(list, ordinal), value);
  }

  /**
   * Adds to {@code batch} the deletion of the counted-list entries block {@code block} appended: it
   * is the tip, so they are the last entries of each list it joined.
   */
  private static void deleteListEntries(
      RocksDatabase db, org.rocksdb.WriteBatch batch, BlockData block, List<TxData> txs)
      throws RocksDBException {
    Map<ColumnKey, Integer> appended = new LinkedHashMap<>();
    appended.merge(CountedLists.generator(block.generatorPublicKey()), 1, Integer::sum);
    for (TxData tx : txs) {
      for (CountedLists.Append entry : CountedLists.ofTransaction(tx, Keys.txId(tx.id()))) {
        appended.merge(entry.list(), 1, Integer::sum);
      }
    }
    for (Map.Entry<ColumnKey, Integer> e : appended.entrySet()) {
      long length = CountedLists.length(db, e.getKey(), null);
      if (length < e.getValue()) {
        throw new IllegalStateException(
            "counted list "
                + Hex.encode(e.getKey().key())
                + " is shorter than block "
                + block.height()
                + " made it");
      }
      for (long ordinal = length - e.getValue(); ordinal < length; ordinal++) {
        batch.delete(db.handle(e.getKey().column()), CountedLists.entry(e.getKey(), ordinal));
      }
    }
    if (!txs.isEmpty()) {
      byte[] last = CountedLists.lastKey(db, ColumnFamily.TX_ORDINALS, new byte[0], null);
      long first = CountedLists.transactionCount(db, null) - txs.size();
      if (last == null || Keys.readU64(last, 0) != first) {
        throw new IllegalStateException("tx_ordinals does not end with block " + block.height());
      }
      batch.delete(db.handle(ColumnFamily.TX_ORDINALS), last);
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
    TxRecordCodec codec = new TxRecordCodec();
    List<TxData> txs = new java.util.ArrayList<>(block.transactionCount());
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
      txs.add(tx);
    }
    deleteListEntries(db, batch, block, txs);
  }

  /** One entry of a transaction index: column and key; the value is always the transaction id. */
  // short-lived write-path value, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record IndexEntry(ColumnFamily column, byte[] key) {}

  /**
   * Every positional index entry of a transaction (keys ending in height and position: votes by
   * delegate, HTLC locks); the checker uses the same derivation. The other indexes are counted
   * lists ({@link CountedLists#ofTransaction}).
   */
  static List<IndexEntry> indexEntries(long height, TxData tx) {
    int pos = tx.position();
    List<IndexEntry> out = new java.util.ArrayList<>(2 + tx.voteTargets().size());
    if (!tx.voteTargets().isEmpty()) {
      for (String target : new LinkedHashSet<>(tx.voteTargets())) {
        out.add(
            new IndexEntry(
                ColumnFamily.IDX_VOTE_DELEGATE,
                Keys.prefixHeightPosition(Keys.publicKey(target), height, pos)));
      }
    }
    if (tx.htlcLock() != null) {
      byte[] sender = Keys.addressPrefix(tx.senderAddress());
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
      PendingBatch batch, long height, WalletChange change, byte[] key, Optional<byte[]> priorBytes)
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
    VoteWeights.update(batch, height, before, change.value());
  }
}
