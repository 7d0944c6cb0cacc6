package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.RoundCodec;
import com.osmosecollective.node.storage.codec.TxRecord;
import com.osmosecollective.node.storage.codec.TxRecordCodec;
import com.osmosecollective.node.storage.codec.ValueCodec;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * Reads for the API, P2P and start-up, safe from any thread. Multi-key reads run on one RocksDB
 * snapshot so they never mix two block commits. A failed read, a scan that ends on an error rather
 * than at the end of its data, and stored data that does not decode all end in a {@link
 * StorageFailure} (reported to the store's failure listeners): a damaged database never reads as a
 * shorter one.
 */
public final class ChainQueries {
  private final RocksDatabase database;
  private final StoreOptions options;
  private final Supplier<Optional<ChainTip>> tip;
  private final IndexScanner scanner;
  private final BlockDataCodec blockCodec = new BlockDataCodec();
  private final TxRecordCodec txCodec = new TxRecordCodec();
  private final WalletCodec walletCodec = new WalletCodec();
  private final RoundCodec roundCodec = new RoundCodec();
  private final FailureTracker failures;

  ChainQueries(
      RocksDatabase database,
      StoreOptions options,
      Supplier<Optional<ChainTip>> tip,
      FailureTracker failures) {
    this.database = database;
    this.options = options;
    this.tip = tip;
    this.failures = failures;
    this.scanner = new IndexScanner(database, failures);
  }

  static ChainTip readTip(RocksDatabase database) throws RocksDBException, DecodeException {
    byte[] bytes = database.get(ColumnFamily.META, Meta.TIP_KEY);
    return bytes == null ? null : Meta.decodeTip(bytes);
  }

  public Optional<ChainTip> tip() {
    return tip.get();
  }

  public Optional<BlockData> block(long height) {
    return get(ColumnFamily.BLOCKS, Keys.height(height), blockCodec, null);
  }

  public Optional<BlockData> blockById(String id) {
    Optional<byte[]> height = raw(ColumnFamily.BLOCK_IDS, Keys.blockId(id), null);
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
        out.add(decode(blockCodec, it.value(), "block"));
      }
      failures.checkScan(it, ColumnFamily.BLOCKS);
    }
    return out;
  }

  public Optional<StoredTransaction> transaction(String id) {
    try (Snapshot snapshot = database.db().getSnapshot()) {
      try {
        long tipHeight = tipAt(snapshot);
        return get(ColumnFamily.TXS, Keys.txId(id), txCodec, snapshot)
            .map(r -> stored(r, tipHeight));
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
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
                  java.util.Collections.nCopies(keys.size(), database.handle(ColumnFamily.TXS)),
                  keys);
      Set<String> stored = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (found.get(i) != null) {
          stored.add(ids.get(i));
        }
      }
      return stored;
    } catch (RocksDBException e) {
      throw failures.failed("read of transaction ids failed", e);
    }
  }

  public Optional<Wallet> wallet(String address) {
    return get(ColumnFamily.WALLETS, Keys.address(address), walletCodec, null);
  }

  public Optional<Wallet> walletByPublicKey(String publicKey) {
    return raw(ColumnFamily.WALLET_KEYS, Keys.publicKey(publicKey), null)
        .flatMap(a -> wallet(new String(a, StandardCharsets.US_ASCII)));
  }

  public Optional<Wallet> walletByUsername(String username) {
    return raw(ColumnFamily.USERNAMES, Keys.username(username), null)
        .flatMap(a -> wallet(new String(a, StandardCharsets.US_ASCII)));
  }

  /** Active delegates by vote balance descending, public key ascending; or the resigned ones. */
  public Page<Wallet> delegates(boolean resigned, PageRequest page) {
    PageRequest ordered = new PageRequest(page.offset(), checkLimit(page), true);
    List<IndexScanner.Entry> entries =
        scanner.scan(
            ColumnFamily.DELEGATE_RANKING, new byte[] {(byte) (resigned ? 1 : 0)}, ordered, null);
    return page(
        entries, page.limit(), e -> wallet(ascii(e.value())).orElseThrow(() -> corrupt("ranking")));
  }

  /** Addresses of the wallets currently voting for a delegate. */
  public Page<String> voters(String delegatePublicKey, PageRequest page) {
    PageRequest ordered = new PageRequest(page.offset(), checkLimit(page), true);
    List<IndexScanner.Entry> entries =
        scanner.scan(ColumnFamily.VOTERS, Keys.publicKey(delegatePublicKey), ordered, null);
    return page(
        entries,
        page.limit(),
        e -> new String(e.key(), 34, e.key().length - 34, StandardCharsets.US_ASCII));
  }

  public Optional<List<RoundDelegate>> round(long round) {
    return get(ColumnFamily.ROUNDS, Keys.height(round), roundCodec, null);
  }

  public Page<StoredTransaction> transactionsBySender(String address, PageRequest page) {
    return byRole(address, CountedLists.SENT, page);
  }

  /** Transactions paying the address: recipient id, multi-payment recipient, HTLC recipient. */
  public Page<StoredTransaction> transactionsByRecipient(String address, PageRequest page) {
    return byRole(address, CountedLists.RECEIVED, page);
  }

  /**
   * Transactions with the address on either side (sender, recipient, multi-payment or HTLC
   * recipient), each once.
   */
  public Page<StoredTransaction> transactionsByAddress(String address, PageRequest page) {
    return countedTransactions(CountedLists.party(address), page);
  }

  public Page<StoredTransaction> transactionsByType(int typeGroup, int type, PageRequest page) {
    return countedTransactions(CountedLists.type(typeGroup, type), page);
  }

  /**
   * A block's transactions; oldest-first pages list them in block order. Positions are dense, so a
   * page at any depth is read by position.
   */
  public Page<StoredTransaction> transactionsOfBlock(long height, PageRequest page) {
    checkLimit(page);
    Optional<BlockData> block = block(height);
    long count = block.map(BlockData::transactionCount).orElse(0);
    List<byte[]> keys = new ArrayList<>();
    for (long ordinal : ordinals(count, page)) {
      keys.add(Keys.heightPosition(height, (int) ordinal));
    }
    return transactionsAt(ColumnFamily.BLOCK_TXS, keys, count, page, null);
  }

  /**
   * Every stored transaction, by (height, position): newest first unless oldest-first. The block
   * holding the page's first entry is found from its ordinal in {@code tx_ordinals}, then {@code
   * block_txs} is walked from there: any depth costs what the first page costs.
   */
  public Page<StoredTransaction> transactions(PageRequest page) {
    checkLimit(page);
    try (Snapshot snapshot = database.db().getSnapshot();
        ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      try {
        long count = CountedLists.transactionCount(database, read);
        List<byte[]> keys = new ArrayList<>();
        long[] ordinals = ordinals(count, page);
        if (ordinals.length > 0) {
          long firstHeight;
          int firstPosition;
          try (RocksIterator it =
              database.db().newIterator(database.handle(ColumnFamily.TX_ORDINALS), read)) {
            it.seekForPrev(Keys.height(ordinals[0]));
            if (!it.isValid()) {
              failures.checkScan(it, ColumnFamily.TX_ORDINALS);
              throw corrupt("tx_ordinals has no block for ordinal " + ordinals[0]);
            }
            firstHeight = Keys.readU64(it.value(), 0);
            firstPosition = (int) (ordinals[0] - Keys.readU64(it.key(), 0));
          }
          firstHeight = Long.reverseBytes(firstHeight); // the value's height is little-endian
          try (RocksIterator it =
              database.db().newIterator(database.handle(ColumnFamily.BLOCK_TXS), read)) {
            it.seek(Keys.heightPosition(firstHeight, firstPosition));
            for (int i = 0; i < ordinals.length && it.isValid(); i++) {
              keys.add(it.key());
              if (page.oldestFirst()) {
                it.next();
              } else {
                it.prev();
              }
            }
            failures.checkScan(it, ColumnFamily.BLOCK_TXS);
          }
          if (keys.size() != ordinals.length) {
            throw corrupt("block_txs ends before the ordinal count says");
          }
        }
        return transactionsAt(ColumnFamily.BLOCK_TXS, keys, count, page, snapshot);
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  /** The number of stored transactions (exact). */
  public long transactionCount() {
    return CountedLists.transactionCount(database, null);
  }

  /**
   * RocksDB's estimate of the number of stored transactions ({@code rocksdb.estimate-num-keys} of
   * the transaction column): cheap, exact for a freshly written database, approximate after
   * compactions and deletions.
   */
  public long estimatedTransactionCount() {
    try {
      return database
          .db()
          .getLongProperty(database.handle(ColumnFamily.TXS), "rocksdb.estimate-num-keys");
    } catch (RocksDBException e) {
      throw failures.failed("read of the transaction count failed", e);
    }
  }

  public Page<StoredTransaction> votesByVoter(String address, PageRequest page) {
    return countedTransactions(CountedLists.voter(address), page);
  }

  public Page<StoredTransaction> votesForDelegate(String publicKey, PageRequest page) {
    return transactions(ColumnFamily.IDX_VOTE_DELEGATE, Keys.publicKey(publicKey), page);
  }

  public Page<StoredTransaction> htlcLocksBySender(String address, PageRequest page) {
    return transactions(ColumnFamily.IDX_HTLC_SENDER, Keys.addressPrefix(address), page);
  }

  public Page<StoredTransaction> htlcLocksByRecipient(String address, PageRequest page) {
    return transactions(ColumnFamily.IDX_HTLC_RECIPIENT, Keys.addressPrefix(address), page);
  }

  /** Heights of the blocks a delegate forged, read by position at any depth. */
  public Page<Long> blocksByGenerator(String publicKey, PageRequest page) {
    checkLimit(page);
    ColumnKey list = CountedLists.generator(publicKey);
    try (Snapshot snapshot = database.db().getSnapshot();
        ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      try {
        long count = CountedLists.length(database, list, read);
        List<byte[]> keys = new ArrayList<>();
        for (long ordinal : ordinals(count, page)) {
          keys.add(CountedLists.entry(list, ordinal));
        }
        List<Long> heights = new ArrayList<>(keys.size());
        for (byte[] value : multiGet(list.column(), keys, snapshot)) {
          if (value == null || value.length != Keys.HEIGHT_BYTES) {
            throw corrupt("generator list entry");
          }
          heights.add(Keys.readU64(value, 0));
        }
        return new Page<>(heights, more(count, page), count);
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  /**
   * The weights of a delegate's voters after block {@code height}: voter address → balance +
   * HTLC-locked balance, in address order; voters whose weight is 0 are left out. One ordered scan
   * of the delegate's vote-weight history up to the height.
   */
  public java.util.SortedMap<String, Long> voteWeightsAt(String delegatePublicKey, long height) {
    java.util.SortedMap<String, Long> weights = new java.util.TreeMap<>();
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

  /**
   * Streams a delegate's vote-weight history for blocks {@code fromHeight..toHeight} in (height,
   * voter address) order, on one snapshot; holds one entry at a time.
   */
  public void forEachVoteWeightChange(
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
    try (org.rocksdb.Slice lowerBound = new org.rocksdb.Slice(lower);
        org.rocksdb.Slice upperBound = new org.rocksdb.Slice(upper);
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
          throw corrupt("vote weight: " + e.getMessage());
        }
      }
      failures.checkScan(it, ColumnFamily.IDX_VOTE_WEIGHT);
    }
  }

  /**
   * Heights of the blocks a delegate forged in {@code fromHeight..toHeight}, ascending. The
   * generator's list is counted and in height order: a binary search over its ordinals finds the
   * first height in range, then one bounded scan reads on from there.
   */
  public void forEachBlockOfGenerator(
      String publicKey, long fromHeight, long toHeight, java.util.function.LongConsumer consumer) {
    if (toHeight < fromHeight || toHeight < 0) {
      return;
    }
    ColumnKey list = CountedLists.generator(publicKey);
    try (Snapshot snapshot = database.db().getSnapshot();
        ReadOptions atSnapshot = new ReadOptions().setSnapshot(snapshot)) {
      try {
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
        byte[] prefix = list.key();
        try (org.rocksdb.Slice lowerBound = new org.rocksdb.Slice(CountedLists.entry(list, lo));
            org.rocksdb.Slice upperBound = new org.rocksdb.Slice(Keys.prefixEnd(prefix));
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
          failures.checkScan(it, list.column());
        }
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  private long generatorHeight(ColumnKey list, long ordinal, Snapshot snapshot) {
    byte[] value =
        raw(list.column(), CountedLists.entry(list, ordinal), snapshot)
            .orElseThrow(() -> corrupt("generator list entry " + ordinal + " is missing"));
    return Keys.readU64(value, 0);
  }

  /** The transaction that registered an IPFS hash. */
  public Optional<String> ipfsTransaction(String hash) {
    return raw(ColumnFamily.IPFS, Keys.ipfsHash(hash), null).map(Hex::encode);
  }

  /** The claim or refund transaction that settled an HTLC lock. */
  public Optional<String> htlcSettlement(String lockId) {
    return raw(ColumnFamily.HTLC_SETTLEMENTS, Keys.txId(lockId), null).map(Hex::encode);
  }

  /** Streams every wallet (start-up load or export); holds one wallet at a time. */
  public void forEachWallet(Consumer<Wallet> consumer) {
    try (ReadOptions read = new ReadOptions().setFillCache(false);
        RocksIterator it = database.db().newIterator(database.handle(ColumnFamily.WALLETS), read)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        consumer.accept(decode(walletCodec, it.value(), "wallet"));
      }
      failures.checkScan(it, ColumnFamily.WALLETS);
    }
  }

  private Page<StoredTransaction> transactions(ColumnFamily cf, byte[] prefix, PageRequest page) {
    return transactions(page, snapshot -> scanner.scan(cf, prefix, page, snapshot));
  }

  private Page<StoredTransaction> transactions(
      PageRequest page, java.util.function.Function<Snapshot, List<IndexScanner.Entry>> scan) {
    checkLimit(page);
    try (Snapshot snapshot = database.db().getSnapshot()) {
      try {
        long tipHeight = tipAt(snapshot);
        List<IndexScanner.Entry> entries = scan.apply(snapshot);
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
                      read,
                      java.util.Collections.nCopies(n, database.handle(ColumnFamily.TXS)),
                      ids);
          for (int i = 0; i < n; i++) {
            if (values.get(i) == null) {
              throw corrupt("index entry for a missing transaction");
            }
            out.add(stored(decode(txCodec, values.get(i), "transaction"), tipHeight));
          }
        } catch (RocksDBException e) {
          throw failures.failed("read of transactions failed", e);
        }
        return new Page<>(out, entries.size() > page.limit());
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  /**
   * An address's sent or received transactions: its party list's entries with that role, stepped
   * through from the page's end (entries are a transaction id and a role byte, so skipped ones cost
   * a key and 33 bytes each).
   */
  private Page<StoredTransaction> byRole(String address, int role, PageRequest page) {
    checkLimit(page);
    ColumnKey list = CountedLists.party(address);
    byte[] prefix = list.key();
    byte[] end = Keys.prefixEnd(prefix);
    try (Snapshot snapshot = database.db().getSnapshot()) {
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
        failures.checkScan(it, list.column());
        Page<StoredTransaction> found = transactionsAt(list.column(), keys, -1, page, snapshot);
        return new Page<>(found.items(), more);
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  private static void step(RocksIterator it, PageRequest page) {
    if (page.oldestFirst()) {
      it.next();
    } else {
      it.prev();
    }
  }

  /** A page of a counted list of transactions, read by ordinal: one snapshot, two multi-gets. */
  private Page<StoredTransaction> countedTransactions(ColumnKey list, PageRequest page) {
    checkLimit(page);
    try (Snapshot snapshot = database.db().getSnapshot();
        ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      try {
        long count = CountedLists.length(database, list, read);
        List<byte[]> keys = new ArrayList<>();
        for (long ordinal : ordinals(count, page)) {
          keys.add(CountedLists.entry(list, ordinal));
        }
        return transactionsAt(list.column(), keys, count, page, snapshot);
      } finally {
        database.db().releaseSnapshot(snapshot);
      }
    }
  }

  /**
   * The transactions whose ids the {@code keys} of {@code cf} hold, in key order.
   *
   * @param snapshot the read's snapshot, or null to take one
   */
  private Page<StoredTransaction> transactionsAt(
      ColumnFamily cf, List<byte[]> keys, long count, PageRequest page, Snapshot snapshot) {
    if (snapshot == null) {
      try (Snapshot own = database.db().getSnapshot()) {
        try {
          return transactionsAt(cf, keys, count, page, own);
        } finally {
          database.db().releaseSnapshot(own);
        }
      }
    }
    long tipHeight = tipAt(snapshot);
    List<byte[]> ids = new ArrayList<>(keys.size());
    for (byte[] value : multiGet(cf, keys, snapshot)) {
      if (value == null || value.length < 32) {
        throw corrupt("a counted list entry is missing");
      }
      // party entries carry a role byte after the id
      ids.add(value.length == 32 ? value : java.util.Arrays.copyOf(value, 32));
    }
    List<StoredTransaction> out = new ArrayList<>(ids.size());
    for (byte[] value : multiGet(ColumnFamily.TXS, ids, snapshot)) {
      if (value == null) {
        throw corrupt("list entry for a missing transaction");
      }
      out.add(stored(decode(txCodec, value, "transaction"), tipHeight));
    }
    return count < 0 ? new Page<>(out, false) : new Page<>(out, more(count, page), count);
  }

  /** The ordinals of a page of a list of {@code count} entries, in the page's order. */
  private static long[] ordinals(long count, PageRequest page) {
    long first = page.offset();
    if (first >= count) {
      return new long[0];
    }
    int n = (int) Math.min(page.limit(), count - first);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = page.oldestFirst() ? first + i : count - 1 - first - i;
    }
    return out;
  }

  private static boolean more(long count, PageRequest page) {
    return (long) page.offset() + page.limit() < count;
  }

  private List<byte[]> multiGet(ColumnFamily cf, List<byte[]> keys, Snapshot snapshot) {
    if (keys.isEmpty()) {
      return List.of();
    }
    try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      return database
          .db()
          .multiGetAsList(
              read, java.util.Collections.nCopies(keys.size(), database.handle(cf)), keys);
    } catch (RocksDBException e) {
      throw new IllegalStateException("read failed: " + e.getMessage(), e);
    }
  }

  private int checkLimit(PageRequest page) {
    if (page.limit() > options.maxPageSize()) {
      throw new IllegalArgumentException(
          "page limit " + page.limit() + " exceeds " + options.maxPageSize());
    }
    return page.limit();
  }

  private static <T> Page<T> page(
      List<IndexScanner.Entry> entries,
      int limit,
      java.util.function.Function<IndexScanner.Entry, T> mapper) {
    List<T> out = new ArrayList<>(Math.min(limit, entries.size()));
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      out.add(mapper.apply(entries.get(i)));
    }
    return new Page<>(out, entries.size() > limit);
  }

  private StoredTransaction stored(TxRecord r, long tipHeight) {
    return new StoredTransaction(
        r.tx(),
        r.height(),
        r.blockId(),
        r.blockTimestamp(),
        Math.max(0, tipHeight - r.height() + 1));
  }

  private long tipAt(Snapshot snapshot) {
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

  private <V> Optional<V> get(ColumnFamily cf, byte[] key, ValueCodec<V> codec, Snapshot snapshot) {
    return raw(cf, key, snapshot).map(b -> decode(codec, b, cf.familyName()));
  }

  private Optional<byte[]> raw(ColumnFamily cf, byte[] key, Snapshot snapshot) {
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

  private <V> V decode(ValueCodec<V> codec, byte[] bytes, String what) {
    try {
      return codec.decode(bytes);
    } catch (DecodeException e) {
      throw failures.corrupt(what + " does not decode: " + e.getMessage(), e);
    }
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private StorageFailure corrupt(String what) {
    return failures.corrupt(what, null);
  }
}
