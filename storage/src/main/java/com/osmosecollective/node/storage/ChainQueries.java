package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.RoundCodec;
import com.osmosecollective.node.storage.codec.TxRecordCodec;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads for the API, P2P and start-up, safe from any thread. Multi-key reads run on one RocksDB
 * snapshot so they never mix two block commits. A failed read, a scan that ends on an error rather
 * than at the end of its data, and stored data that does not decode all end in a {@link
 * StorageFailure} (reported to the store's failure listeners): a damaged database never reads as a
 * shorter one.
 *
 * <p>Single records are read here; pages of transactions are {@link TransactionPages}' job, a
 * delegate's forged blocks and vote weights {@link DelegateHistory}'s.
 */
public final class ChainQueries {
  private final RocksDatabase database;
  private final StoreOptions options;
  private final Supplier<Optional<ChainTip>> tip;
  private final StoreReads reads;
  private final IndexScanner scanner;
  private final TransactionPages transactions;
  private final DelegateHistory delegateHistory;
  private final BlockDataCodec blockCodec = new BlockDataCodec();
  private final TxRecordCodec txCodec = new TxRecordCodec();
  private final WalletCodec walletCodec = new WalletCodec();
  private final RoundCodec roundCodec = new RoundCodec();

  ChainQueries(
      RocksDatabase database,
      StoreOptions options,
      Supplier<Optional<ChainTip>> tip,
      FailureTracker failures) {
    this.database = database;
    this.options = options;
    this.tip = tip;
    this.reads = new StoreReads(database, failures);
    this.scanner = new IndexScanner(database, failures);
    this.transactions = new TransactionPages(reads, scanner, options.maxPageSize());
    this.delegateHistory = new DelegateHistory(reads, options.maxPageSize());
  }

  public Optional<ChainTip> tip() {
    return tip.get();
  }

  public Optional<BlockData> block(long height) {
    return reads.get(ColumnFamily.BLOCKS, Keys.height(height), blockCodec, null);
  }

  public Optional<BlockData> blockById(String id) {
    Optional<byte[]> height = reads.raw(ColumnFamily.BLOCK_IDS, Keys.blockId(id), null);
    return height.flatMap(h -> block(Keys.readU64(h, 0)));
  }

  /** Blocks {@code from..to} inclusive in height order, at most {@code maxRangeBlocks}. */
  public List<BlockData> blocks(long from, long to) {
    if (from < 1 || to < from) {
      return List.of();
    }
    long last = Math.min(to, from + options.maxRangeBlocks() - 1);
    List<BlockData> out = new ArrayList<>();
    try (ReadOptions read = new ReadOptions();
        RocksIterator it = database.db().newIterator(database.handle(ColumnFamily.BLOCKS), read)) {
      for (it.seek(Keys.height(from)); it.isValid(); it.next()) {
        if (Keys.readU64(it.key(), 0) > last) {
          break;
        }
        out.add(reads.decode(blockCodec, it.value(), "block"));
      }
      reads.failures().checkScan(it, ColumnFamily.BLOCKS);
    }
    return out;
  }

  public Optional<StoredTransaction> transaction(String id) {
    return reads.onSnapshot(
        snapshot -> {
          long tipHeight = reads.tipAt(snapshot);
          return reads
              .get(ColumnFamily.TXS, Keys.txId(id), txCodec, snapshot)
              .map(r -> reads.stored(r, tipHeight));
        });
  }

  /**
   * Which of {@code ids} (64-hex transaction ids) are stored transactions: one multi-get, for the
   * chain's already-forged check of a whole block.
   */
  public Set<String> storedTransactionIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<byte[]> keys = new ArrayList<>(ids.size());
    for (String id : ids) {
      keys.add(Keys.txId(id));
    }
    try {
      List<byte[]> found =
          database
              .db()
              .multiGetAsList(
                  Collections.nCopies(keys.size(), database.handle(ColumnFamily.TXS)), keys);
      Set<String> stored = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (found.get(i) != null) {
          stored.add(ids.get(i));
        }
      }
      return stored;
    } catch (RocksDBException e) {
      throw reads.failures().failed("read of transaction ids failed", e);
    }
  }

  public Optional<Wallet> wallet(String address) {
    return reads.get(ColumnFamily.WALLETS, Keys.address(address), walletCodec, null);
  }

  public Optional<Wallet> walletByPublicKey(String publicKey) {
    return reads
        .raw(ColumnFamily.WALLET_KEYS, Keys.publicKey(publicKey), null)
        .flatMap(a -> wallet(ascii(a)));
  }

  public Optional<Wallet> walletByUsername(String username) {
    return reads
        .raw(ColumnFamily.USERNAMES, Keys.username(username), null)
        .flatMap(a -> wallet(ascii(a)));
  }

  /** Active delegates by vote balance descending, public key ascending; or the resigned ones. */
  public Page<Wallet> delegates(boolean resigned, PageRequest page) {
    PageRequest ordered =
        new PageRequest(page.offset(), Pages.checkLimit(page, options.maxPageSize()), true);
    List<IndexScanner.Entry> entries =
        scanner.scan(
            ColumnFamily.DELEGATE_RANKING, new byte[] {(byte) (resigned ? 1 : 0)}, ordered, null);
    return Pages.of(
        entries,
        page.limit(),
        e -> wallet(ascii(e.value())).orElseThrow(() -> reads.corrupt("ranking")));
  }

  /** Addresses of the wallets currently voting for a delegate. */
  public Page<String> voters(String delegatePublicKey, PageRequest page) {
    PageRequest ordered =
        new PageRequest(page.offset(), Pages.checkLimit(page, options.maxPageSize()), true);
    List<IndexScanner.Entry> entries =
        scanner.scan(ColumnFamily.VOTERS, Keys.publicKey(delegatePublicKey), ordered, null);
    return Pages.of(
        entries,
        page.limit(),
        e -> new String(e.key(), 34, e.key().length - 34, StandardCharsets.US_ASCII));
  }

  public Optional<List<RoundDelegate>> round(long round) {
    return reads.get(ColumnFamily.ROUNDS, Keys.height(round), roundCodec, null);
  }

  public Page<StoredTransaction> transactionsBySender(String address, PageRequest page) {
    return transactions.byRole(address, CountedLists.SENT, page);
  }

  /** Transactions paying the address: recipient id, multi-payment recipient, HTLC recipient. */
  public Page<StoredTransaction> transactionsByRecipient(String address, PageRequest page) {
    return transactions.byRole(address, CountedLists.RECEIVED, page);
  }

  /**
   * Transactions with the address on either side (sender, recipient, multi-payment or HTLC
   * recipient), each once.
   */
  public Page<StoredTransaction> transactionsByAddress(String address, PageRequest page) {
    return transactions.counted(CountedLists.party(address), page);
  }

  public Page<StoredTransaction> transactionsByType(int typeGroup, int type, PageRequest page) {
    return transactions.counted(CountedLists.type(typeGroup, type), page);
  }

  /**
   * A block's transactions; oldest-first pages list them in block order. Positions are dense, so a
   * page at any depth is read by position.
   */
  public Page<StoredTransaction> transactionsOfBlock(long height, PageRequest page) {
    return transactions.ofBlock(height, page);
  }

  /**
   * Every stored transaction, by (height, position): newest first unless oldest-first. The block
   * holding the page's first entry is found from its ordinal in {@code tx_ordinals}, then {@code
   * block_txs} is walked from there: any depth costs what the first page costs.
   */
  public Page<StoredTransaction> transactions(PageRequest page) {
    return transactions.all(page);
  }

  /** The number of stored transactions (exact). */
  public long transactionCount() {
    return transactions.count();
  }

  /**
   * RocksDB's estimate of the number of stored transactions ({@code rocksdb.estimate-num-keys} of
   * the transaction column): cheap, exact for a freshly written database, approximate after
   * compactions and deletions.
   */
  public long estimatedTransactionCount() {
    return transactions.estimatedCount();
  }

  public Page<StoredTransaction> votesByVoter(String address, PageRequest page) {
    return transactions.counted(CountedLists.voter(address), page);
  }

  public Page<StoredTransaction> votesForDelegate(String publicKey, PageRequest page) {
    return transactions.scanned(ColumnFamily.IDX_VOTE_DELEGATE, Keys.publicKey(publicKey), page);
  }

  public Page<StoredTransaction> htlcLocksBySender(String address, PageRequest page) {
    return transactions.scanned(ColumnFamily.IDX_HTLC_SENDER, Keys.addressPrefix(address), page);
  }

  public Page<StoredTransaction> htlcLocksByRecipient(String address, PageRequest page) {
    return transactions.scanned(ColumnFamily.IDX_HTLC_RECIPIENT, Keys.addressPrefix(address), page);
  }

  /** Heights of the blocks a delegate forged, read by position at any depth. */
  public Page<Long> blocksByGenerator(String publicKey, PageRequest page) {
    return delegateHistory.blocksByGenerator(publicKey, page);
  }

  /**
   * The weights of a delegate's voters after block {@code height}: voter address → balance +
   * HTLC-locked balance, in address order; voters whose weight is 0 are left out. One ordered scan
   * of the delegate's vote-weight history up to the height.
   */
  public SortedMap<String, Long> voteWeightsAt(String delegatePublicKey, long height) {
    return delegateHistory.voteWeightsAt(delegatePublicKey, height);
  }

  /**
   * Streams a delegate's vote-weight history for blocks {@code fromHeight..toHeight} in (height,
   * voter address) order, on one snapshot; holds one entry at a time.
   */
  public void forEachVoteWeightChange(
      String delegatePublicKey,
      long fromHeight,
      long toHeight,
      Consumer<VoteWeightChange> consumer) {
    delegateHistory.forEachVoteWeightChange(delegatePublicKey, fromHeight, toHeight, consumer);
  }

  /**
   * Heights of the blocks a delegate forged in {@code fromHeight..toHeight}, ascending. The
   * generator's list is counted and in height order: a binary search over its ordinals finds the
   * first height in range, then one bounded scan reads on from there.
   */
  public void forEachBlockOfGenerator(
      String publicKey, long fromHeight, long toHeight, LongConsumer consumer) {
    delegateHistory.forEachBlockOfGenerator(publicKey, fromHeight, toHeight, consumer);
  }

  /** The transaction that registered an IPFS hash. */
  public Optional<String> ipfsTransaction(String hash) {
    return reads.raw(ColumnFamily.IPFS, Keys.ipfsHash(hash), null).map(Hex::encode);
  }

  /** The claim or refund transaction that settled an HTLC lock. */
  public Optional<String> htlcSettlement(String lockId) {
    return reads.raw(ColumnFamily.HTLC_SETTLEMENTS, Keys.txId(lockId), null).map(Hex::encode);
  }

  /** Streams every wallet (start-up load or export); holds one wallet at a time. */
  public void forEachWallet(Consumer<Wallet> consumer) {
    try (ReadOptions read = new ReadOptions().setFillCache(false);
        RocksIterator it = database.db().newIterator(database.handle(ColumnFamily.WALLETS), read)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        consumer.accept(reads.decode(walletCodec, it.value(), "wallet"));
      }
      reads.failures().checkScan(it, ColumnFamily.WALLETS);
    }
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
