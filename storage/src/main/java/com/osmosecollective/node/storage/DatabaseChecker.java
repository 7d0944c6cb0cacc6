package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.TxRecord;
import com.osmosecollective.node.storage.codec.TxRecordCodec;
import com.osmosecollective.node.storage.codec.UndoCodec;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Verifies the invariants of a stopped node's database: blocks 1..tip present and chained; every
 * transaction in its block and in every index and counted list it belongs to, every index entry
 * pointing at a transaction that belongs there, every list as long as what belongs to it; wallet
 * indexes matching the wallets; the sum of balances equal to the genesis supply plus all block
 * rewards; undo records for the kept range.
 */
public final class DatabaseChecker {
  private static final int MAX_LISTED = 200;

  private final RocksDatabase db;
  private final BlockDataCodec blockCodec = new BlockDataCodec();
  private final TxRecordCodec txCodec = new TxRecordCodec();
  private final WalletCodec walletCodec = new WalletCodec();
  private final UndoCodec undoCodec = new UndoCodec(ColumnFamily.all().size());
  private final ReadOptions scanOptions = new ReadOptions().setFillCache(false);
  private final List<String> problems = new ArrayList<>();
  private final Map<ColumnKey, Long> listLengths = new java.util.HashMap<>();
  private long transactionsBefore;
  private long blocksWithTransactions;

  private static final List<ColumnFamily> COUNTED =
      List.of(
          ColumnFamily.IDX_TX_PARTY,
          ColumnFamily.IDX_TX_TYPE,
          ColumnFamily.IDX_VOTE_VOTER,
          ColumnFamily.IDX_BLOCK_GENERATOR);
  private long problemCount;

  private DatabaseChecker(RocksDatabase db) {
    this.db = db;
  }

  /** Opens the database read-only and checks it. */
  public static CheckReport check(StoreOptions options) throws StoreOpenException {
    try (RocksDatabase db = RocksDatabase.open(options, false, true)) {
      SchemaGuard.verifyOrStamp(db, options.directory(), null, true);
      DatabaseChecker checker = new DatabaseChecker(db);
      try {
        return checker.run(options);
      } finally {
        checker.scanOptions.close();
      }
    }
  }

  private CheckReport run(StoreOptions options) {
    // damaged table files first, by name: the scans below then stop at the damage instead of
    // reading it as missing data
    TableChecksums.verify(db, options.directory(), Long.MAX_VALUE)
        .damage()
        .forEach(d -> problem("corruption: " + d.describe()));
    long tipHeight = 0;
    long blocks = 0;
    long txs = 0;
    long wallets = 0;
    long undo = 0;
    try {
      ChainTip tip = Meta.readTip(db);
      tipHeight = tip == null ? 0 : tip.height();
      int[] txCounts = new int[(int) Math.min(Integer.MAX_VALUE - 8, tipHeight + 1)];
      long[] rewards = new long[1];
      blocks = checkBlocks(tip, txCounts, rewards);
      txs = checkBlockTransactions(txCounts);
      checkTransactionIndexes();
      checkListLengths();
      wallets = checkWalletsAndSupply(tipHeight, rewards[0]);
      checkVoteWeights(tipHeight);
      undo = checkUndo(tipHeight);
    } catch (RocksDBException e) {
      problem(
          (StorageFailure.kindOf(e) == StorageFailure.Kind.CORRUPTION ? "corruption: " : "")
              + "cannot read the database: "
              + StorageFailure.describe(e));
    } catch (DecodeException e) {
      problem("corruption: cannot read the database: " + e.getMessage());
    } catch (ScanFailed e) {
      // reported where it happened; the checks after it would read the damage as missing data
      problem("the check stopped at the damage above; the counts cover what was read before it");
    }
    return new CheckReport(tipHeight, blocks, txs, wallets, undo, problems, problemCount);
  }

  /** A scan ended on a read error (reported as a problem): its column cannot be checked further. */
  private static final class ScanFailed extends RuntimeException {
    ScanFailed() {
      super(null, null, false, false);
    }
  }

  /**
   * After a scan's loop: an iterator becomes invalid both at the end of the data and on an error;
   * an error is reported as corruption of the column (naming the file when RocksDB does) and ends
   * the check of that column, never read as missing entries.
   */
  private void checkScan(RocksIterator it, ColumnFamily cf) {
    try {
      it.status();
    } catch (RocksDBException e) {
      problem(
          (StorageFailure.kindOf(e) == StorageFailure.Kind.CORRUPTION ? "corruption" : "read error")
              + " in column "
              + cf.familyName()
              + ": "
              + StorageFailure.describe(e));
      throw new ScanFailed();
    }
  }

  private long checkBlocks(ChainTip tip, int[] txCounts, long[] rewards) throws RocksDBException {
    long expected = 1;
    String previousId = null;
    long total = 0;
    try (RocksIterator it = iterator(ColumnFamily.BLOCKS)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        long height = Keys.readU64(it.key(), 0);
        total++;
        BlockData block;
        try {
          block = blockCodec.decode(it.value());
        } catch (DecodeException e) {
          problem("block " + height + " does not decode: " + e.getMessage());
          expected = height + 1;
          continue;
        }
        if (height != expected) {
          problem("blocks " + expected + ".." + (height - 1) + " are missing");
        } else if (previousId != null && !previousId.equals(block.previousId())) {
          problem("block " + height + " does not chain to block " + (height - 1));
        }
        if (block.height() != height) {
          problem("block under key " + height + " says height " + block.height());
        }
        if (tip == null || height > tip.height()) {
          problem("block " + height + " is above the tip");
        } else {
          txCounts[(int) height] = block.transactionCount();
          if (height == tip.height() && !block.id().equals(tip.id())) {
            problem(
                "the tip names block " + tip.id() + " but block " + height + " is " + block.id());
          }
        }
        byte[] mapped = db.get(ColumnFamily.BLOCK_IDS, Keys.blockId(block.id()));
        if (mapped == null || mapped.length != 8 || Keys.readU64(mapped, 0) != height) {
          problem("block id " + block.id() + " does not map to height " + height);
        }
        if (block.transactionCount() > 0) {
          byte[] ordinal = db.get(ColumnFamily.TX_ORDINALS, Keys.height(transactionsBefore));
          if (!Arrays.equals(
              ordinal, CountedLists.blockOrdinalValue(height, block.transactionCount()))) {
            problem("block " + height + " is missing from tx_ordinals at " + transactionsBefore);
          }
          transactionsBefore += block.transactionCount();
          blocksWithTransactions++;
        }
        expectListEntry(CountedLists.generator(block.generatorPublicKey()), Keys.height(height));
        rewards[0] = Math.addExact(rewards[0], block.reward());
        previousId = block.id();
        expected = height + 1;
      }
      checkScan(it, ColumnFamily.BLOCKS);
    }
    if (tip != null && expected <= tip.height()) {
      problem("blocks " + expected + ".." + tip.height() + " are missing");
    }
    if (count(ColumnFamily.BLOCK_IDS) != total) {
      problem("block id index holds another number of entries than there are blocks");
    }
    if (count(ColumnFamily.TX_ORDINALS) != blocksWithTransactions) {
      problem("tx_ordinals holds another number of entries than blocks with transactions");
    }
    return total;
  }

  private long checkBlockTransactions(int[] txCounts) throws RocksDBException {
    int[] seen = new int[txCounts.length];
    long total = 0;
    try (RocksIterator it = iterator(ColumnFamily.BLOCK_TXS)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        total++;
        long height = Keys.readU64(it.key(), 0);
        int position = (int) Keys.readU32(it.key(), 8);
        String id = Hex.encode(it.value());
        if (height >= seen.length) {
          problem("transaction " + id + " belongs to block " + height + " above the tip");
          continue;
        }
        seen[(int) height]++;
        TxRecord record = transaction(it.value());
        if (record == null) {
          problem("block " + height + " lists transaction " + id + " which is missing");
        } else if (record.height() != height || record.tx().position() != position) {
          problem("transaction " + id + " is not at height " + height + " position " + position);
        } else {
          checkIndexed(record);
        }
      }
      checkScan(it, ColumnFamily.BLOCK_TXS);
    }
    for (int h = 1; h < txCounts.length; h++) {
      if (seen[h] != txCounts[h]) {
        problem("block " + h + " has " + txCounts[h] + " transactions, " + seen[h] + " listed");
      }
    }
    long stored = count(ColumnFamily.TXS);
    if (stored != total) {
      problem(stored + " transactions are stored but " + total + " belong to blocks");
    }
    return total;
  }

  private void checkIndexed(TxRecord record) throws RocksDBException {
    TxData tx = record.tx();
    byte[] id = Keys.txId(tx.id());
    for (BlockWriter.IndexEntry entry : BlockWriter.indexEntries(record.height(), tx)) {
      if (!Arrays.equals(id, db.get(entry.column(), entry.key()))) {
        problem("transaction " + tx.id() + " is missing from " + entry.column().familyName());
      }
    }
    for (CountedLists.Append entry : CountedLists.ofTransaction(tx, id)) {
      expectListEntry(entry.list(), entry.value());
    }
    if (tx.ipfsHash() != null
        && !Arrays.equals(id, db.get(ColumnFamily.IPFS, Keys.ipfsHash(tx.ipfsHash())))) {
      problem("ipfs hash of transaction " + tx.id() + " is not indexed");
    }
    if (tx.htlcSettledLockId() != null
        && !Arrays.equals(
            id, db.get(ColumnFamily.HTLC_SETTLEMENTS, Keys.txId(tx.htlcSettledLockId())))) {
      problem("settlement " + tx.id() + " is not indexed");
    }
  }

  /**
   * Checks the next entry of a counted list: blocks and transactions are walked in chain order, so
   * each list's entries must come in the order the walk meets them.
   */
  private void expectListEntry(ColumnKey list, byte[] value) {
    long ordinal = listLengths.merge(list, 1L, Long::sum) - 1;
    byte[] stored = get(list.column(), CountedLists.entry(list, ordinal));
    if (!Arrays.equals(stored, value)) {
      problem(
          list.column().familyName()
              + " list "
              + Hex.encode(list.key())
              + " lacks entry "
              + ordinal);
    }
  }

  /** Every counted index holds exactly the entries the walk expected, none beyond. */
  private void checkListLengths() {
    Map<ColumnFamily, Long> expected = new EnumMap<>(ColumnFamily.class);
    for (ColumnFamily cf : COUNTED) {
      expected.put(cf, 0L);
    }
    listLengths.forEach((list, n) -> expected.merge(list.column(), n, Long::sum));
    // retired columns stay empty
    expected.put(ColumnFamily.IDX_TX_SENDER, 0L);
    expected.put(ColumnFamily.IDX_TX_RECIPIENT, 0L);
    for (Map.Entry<ColumnFamily, Long> e : expected.entrySet()) {
      long stored = count(e.getKey());
      if (stored != e.getValue()) {
        problem(
            e.getKey().familyName() + " holds " + stored + " entries, " + e.getValue() + " belong");
      }
    }
  }

  private void checkTransactionIndexes() throws RocksDBException {
    for (ColumnFamily cf : ColumnFamily.positionalTransactionIndexes()) {
      forEach(
          cf,
          (key, value) -> {
            TxRecord record = transaction(value);
            if (record == null) {
              problem(
                  cf.familyName() + " entry points at missing transaction " + Hex.encode(value));
              return;
            }
            boolean belongs =
                BlockWriter.indexEntries(record.height(), record.tx()).stream()
                    .anyMatch(e -> e.column() == cf && Arrays.equals(e.key(), key));
            if (!belongs) {
              problem(
                  cf.familyName()
                      + " entry "
                      + Hex.encode(key)
                      + " does not match its transaction");
            }
          });
    }
    forEach(
        ColumnFamily.IPFS,
        (key, value) -> {
          TxRecord r = transaction(value);
          if (r == null || !new String(key, StandardCharsets.UTF_8).equals(r.tx().ipfsHash())) {
            problem("ipfs entry " + new String(key, StandardCharsets.UTF_8) + " is stale");
          }
        });
    forEach(
        ColumnFamily.HTLC_SETTLEMENTS,
        (key, value) -> {
          TxRecord r = transaction(value);
          if (r == null || !Hex.encode(key).equals(r.tx().htlcSettledLockId())) {
            problem("settlement entry for lock " + Hex.encode(key) + " is stale");
          }
        });
  }

  private long checkWalletsAndSupply(long tipHeight, long rewards) throws RocksDBException {
    long[] sum = new long[1];
    long[] total = new long[1];
    Map<ColumnFamily, Long> derived = new EnumMap<>(ColumnFamily.class);
    forEach(
        ColumnFamily.WALLETS,
        (key, value) -> {
          total[0]++;
          Wallet w;
          try {
            w = walletCodec.decode(value);
          } catch (DecodeException e) {
            problem("wallet " + new String(key, StandardCharsets.US_ASCII) + " does not decode");
            return;
          }
          if (!Arrays.equals(key, Keys.address(w.address()))) {
            problem("wallet under key " + Hex.encode(key) + " is " + w.address());
          }
          sum[0] = Math.addExact(sum[0], w.votingWeight());
          for (Map.Entry<ColumnKey, byte[]> e : WalletIndexes.of(w).entrySet()) {
            derived.merge(e.getKey().column(), 1L, Long::sum);
            byte[] stored = get(e.getKey().column(), e.getKey().key());
            if (!Arrays.equals(stored, e.getValue())) {
              problem(
                  "wallet " + w.address() + " is missing from " + e.getKey().column().familyName());
            }
          }
        });
    for (ColumnFamily cf :
        List.of(
            ColumnFamily.WALLET_KEYS,
            ColumnFamily.USERNAMES,
            ColumnFamily.DELEGATE_RANKING,
            ColumnFamily.VOTERS)) {
      long actual = count(cf);
      if (actual != derived.getOrDefault(cf, 0L)) {
        problem(
            cf.familyName()
                + " holds "
                + actual
                + " entries, the wallets imply "
                + derived.getOrDefault(cf, 0L));
      }
    }
    byte[] base = db.get(ColumnFamily.META, Meta.SUPPLY_BASE_KEY);
    if (tipHeight == 0) {
      if (total[0] != 0 || base != null) {
        problem("the chain is empty but wallets or a genesis supply exist");
      }
    } else if (base == null) {
      problem("the genesis supply is not recorded");
    } else {
      try {
        long expected = Math.addExact(Meta.decodeLong(base, "supply base"), rewards);
        if (expected != sum[0]) {
          problem(
              "balances sum to "
                  + sum[0]
                  + " but genesis supply plus rewards is "
                  + expected
                  + " (difference "
                  + (sum[0] - expected)
                  + ")");
        }
      } catch (DecodeException e) {
        problem("the genesis supply does not decode");
      }
    }
    return total[0];
  }

  private long checkUndo(long tipHeight) throws RocksDBException {
    long keep = metaLong(Meta.UNDO_KEEP_KEY, StoreOptions.DEFAULT_UNDO_KEEP);
    long floor = metaLong(Meta.UNDO_FLOOR_KEY, 1);
    long from = Math.max(Math.max(1, floor), tipHeight - keep + 1);
    for (long h = from; h <= tipHeight; h++) {
      byte[] bytes = db.get(ColumnFamily.UNDO, Keys.height(h));
      if (bytes == null) {
        problem("undo record of block " + h + " is missing");
        continue;
      }
      try {
        undoCodec.decode(bytes);
      } catch (DecodeException e) {
        problem("undo record of block " + h + " does not decode: " + e.getMessage());
      }
    }
    long[] total = new long[1];
    forEach(
        ColumnFamily.UNDO,
        (key, value) -> {
          total[0]++;
          if (Keys.readU64(key, 0) > tipHeight) {
            problem("undo record of block " + Keys.readU64(key, 0) + " is above the tip");
          }
        });
    return total[0];
  }

  private long metaLong(byte[] key, long fallback) throws RocksDBException {
    byte[] bytes = db.get(ColumnFamily.META, key);
    if (bytes == null) {
      return fallback;
    }
    try {
      return Meta.decodeLong(bytes, "meta value");
    } catch (DecodeException e) {
      problem("meta value " + new String(key, StandardCharsets.US_ASCII) + " does not decode");
      return fallback;
    }
  }

  /**
   * The vote-weight history ends where the wallets are: the latest entry of each (delegate, voter)
   * is the voter's current weight when it votes for the delegate, 0 otherwise; no entry lies above
   * the tip.
   */
  private void checkVoteWeights(long tipHeight) {
    Map<String, Long> latest = new java.util.HashMap<>();
    forEach(
        ColumnFamily.IDX_VOTE_WEIGHT,
        (key, value) -> {
          try {
            long height = VoteWeights.height(key);
            String voter = VoteWeights.voter(key);
            long weight = VoteWeights.decode(value);
            if (height < 1 || height > tipHeight) {
              problem("vote weight entry of " + voter + " at height " + height + " is off chain");
            }
            latest.put(Hex.encode(key, 0, 33) + " " + voter, weight);
          } catch (DecodeException e) {
            problem("vote weight entry " + Hex.encode(key) + " does not decode");
          }
        });
    forEach(
        ColumnFamily.WALLETS,
        (key, value) -> {
          try {
            Wallet w = walletCodec.decode(value);
            if (w.vote() != null) {
              Long recorded = latest.remove(w.vote() + " " + w.address());
              if (recorded == null || recorded != w.votingWeight()) {
                problem(
                    "vote weight of "
                        + w.address()
                        + " for "
                        + w.vote()
                        + " is "
                        + recorded
                        + " in the history, "
                        + w.votingWeight()
                        + " in the wallet");
              }
            }
          } catch (DecodeException e) {
            // reported by the wallet check
          }
        });
    latest.forEach(
        (delegateAndVoter, weight) -> {
          if (weight != 0) {
            problem("vote weight history says " + delegateAndVoter + " still votes with " + weight);
          }
        });
  }

  private TxRecord transaction(byte[] id) {
    byte[] bytes = get(ColumnFamily.TXS, id);
    if (bytes == null) {
      return null;
    }
    try {
      return txCodec.decode(bytes);
    } catch (DecodeException e) {
      problem("transaction " + Hex.encode(id) + " does not decode: " + e.getMessage());
      return null;
    }
  }

  private byte[] get(ColumnFamily cf, byte[] key) {
    try {
      return db.get(cf, key);
    } catch (RocksDBException e) {
      problem(
          (StorageFailure.kindOf(e) == StorageFailure.Kind.CORRUPTION ? "corruption" : "read error")
              + " reading column "
              + cf.familyName()
              + ": "
              + StorageFailure.describe(e));
      throw new ScanFailed();
    }
  }

  private long count(ColumnFamily cf) {
    long[] n = new long[1];
    forEach(cf, (k, v) -> n[0]++);
    return n[0];
  }

  private void forEach(ColumnFamily cf, BiConsumer<byte[], byte[]> consumer) {
    try (RocksIterator it = iterator(cf)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        consumer.accept(it.key(), it.value());
      }
      checkScan(it, cf);
    }
  }

  private RocksIterator iterator(ColumnFamily cf) {
    return db.db().newIterator(db.handle(cf), scanOptions);
  }

  private void problem(String message) {
    problemCount++;
    if (problems.size() < MAX_LISTED) {
      problems.add(message);
    }
  }
}
