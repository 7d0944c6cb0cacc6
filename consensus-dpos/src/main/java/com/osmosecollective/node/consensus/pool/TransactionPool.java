package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool of ARK Core 3.9 (spec §5): pending transactions per sender in nonce order,
 * fee priority across senders for forging, limits with eviction of the cheapest, expiry, and
 * re-validation after every applied or reverted block.
 *
 * <p><b>Threading: confined to the chain thread.</b> The chain thread owns wallet state, so it also
 * owns the pool: {@link #admit}, {@link #collectForBlock}, {@link #onBlockApplied}, {@link
 * #onBlockReverted} and every query must run on it (the first caller binds the pool; another thread
 * gets an {@link IllegalStateException}). Only {@link #prepare} may run elsewhere: it reads nothing
 * but immutable settings and the volatile last height, so the expensive stateless checks and
 * signature verifications of a batch run in parallel before the chain thread sees the batch.
 *
 * <p>Invariant: {@code view} is the committed wallet state with every pool transaction applied in
 * admission order ({@link PoolContents#entries()}, which respects each sender's nonce order),
 * unless {@code viewStale}, in which case it is rebuilt before its next use.
 */
public final class TransactionPool {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionPool.class);

  /** A DER ECDSA block signature is at most 72 bytes; the payload limit must leave room for it. */
  private static final int MAX_BLOCK_SIGNATURE = 72;

  private final Network network;
  private final PoolConfig config;
  private final FeePolicy fees;
  private final TransactionVerifier verifier;
  private final WalletStage wallets;
  private final StatelessChecks stateless;

  private final PoolContents contents = new PoolContents();
  private WalletStage.View view;
  private boolean viewStale = true;

  /** The height at which a stale view was last rebuilt during admission (one rebuild per block). */
  private long staleRebuildHeight = -1;

  /** The height at which old and expired transactions were last purged. */
  private long purgedAtHeight = -1;

  private volatile long lastHeight;
  private Thread owner;

  public TransactionPool(
      Network network,
      PoolConfig config,
      WalletStage wallets,
      TransactionVerifier verifier,
      LongSupplier epochNow,
      long lastHeight) {
    this.network = network;
    this.config = config;
    this.fees = new FeePolicy(config.dynamicFees());
    this.verifier = verifier;
    this.wallets = wallets;
    this.stateless = new StatelessChecks(network, config, fees, verifier, epochNow);
    this.lastHeight = lastHeight;
  }

  /**
   * The stateless stage of a batch (any thread): decode errors, size, network, schema, version,
   * expiry, fee and signatures, in parallel on {@code verifiers}.
   */
  public PreparedBatch prepare(List<Submitted> batch, Executor verifiers)
      throws BatchTooLargeException {
    return prepareAsync(batch, verifiers).join();
  }

  /** {@link #prepare} without blocking: completes when every entry has been checked. */
  public CompletableFuture<PreparedBatch> prepareAsync(List<Submitted> batch, Executor verifiers)
      throws BatchTooLargeException {
    if (batch.size() > config.maxTransactionsPerRequest()) {
      throw new BatchTooLargeException(config.maxTransactionsPerRequest());
    }
    long height = lastHeight;
    List<CompletableFuture<Prepared>> futures = new ArrayList<>(batch.size());
    for (Submitted s : batch) {
      futures.add(CompletableFuture.supplyAsync(() -> stateless.check(s, height), verifiers));
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> new PreparedBatch(futures.stream().map(CompletableFuture::join).toList()));
  }

  /** Both stages on the calling (chain) thread. */
  public AdmissionResult add(List<Submitted> batch) throws BatchTooLargeException {
    return admit(prepare(batch, Runnable::run));
  }

  /** The stateful stage (chain thread): duplicates, capacity, sender limit, pending, wallet. */
  public AdmissionResult admit(PreparedBatch batch) {
    checkThread();
    AdmissionResult.Builder result = new AdmissionResult.Builder();
    for (Prepared p : batch.entries()) {
      Optional<PoolRejection> rejection =
          p.isRejected() ? Optional.of(p.rejection()) : addOne(p.tx(), p.walletVerification());
      if (rejection.isPresent()) {
        result.rejected(p.entryId(), rejection.get());
        LOG.debug("refused {}: {}", p.entryId(), rejection.get().message());
      } else {
        Transaction tx = p.tx();
        result.accepted(
            p.entryId(), tx, fees.canBroadcast(tx, stateless.context(lastHeight).milestone()));
      }
    }
    return result.build();
  }

  private Optional<PoolRejection> addOne(Transaction tx, boolean walletVerification) {
    if (contents.contains(tx.id())) {
      return reject(RejectionCode.ERR_DUPLICATE, TransactionLabel.of(tx) + " is already in pool");
    }
    if (contents.size() >= config.maxTransactionsInPool() && purgedAtHeight != lastHeight) {
      removeOldAndExpired(); // nothing new ages out before the next block: once per height
    }
    if (contents.size() >= config.maxTransactionsInPool()) {
      PoolEntry lowest = contents.lowestPriority();
      if (tx.fee() <= lowest.fee()) {
        return reject(
            RejectionCode.ERR_POOL_FULL,
            TransactionLabel.of(tx)
                + " fee "
                + formatAmount(tx.fee())
                + " is lower than "
                + formatAmount(lowest.fee())
                + " already in pool");
      }
      LOG.debug("pool full: evicting {}", lowest.id());
      removeWithSuccessors(lowest);
    }
    if (contents.senderCount(tx.senderPublicKey()) >= config.maxTransactionsPerSender()
        && !config.unlimited(tx.senderPublicKey())) {
      return reject(
          RejectionCode.ERR_EXCEEDS_MAX_COUNT,
          TransactionLabel.of(tx)
              + " exceeds sender's "
              + config.maxTransactionsPerSender()
              + " transactions count limit");
    }
    Optional<PoolRejection> conflict = contents.pendingConflict(tx);
    if (conflict.isPresent()) {
      return conflict;
    }
    ensureView();
    SenderKeys keys = view.senderKeys(tx.senderPublicKey());
    if (keys.walletKnown()
        && (walletVerification || WalletChecks.carriesWalletSignatures(tx, keys))) {
      Optional<PoolRejection> bad =
          WalletChecks.verify(verifier, tx, stateless.context(lastHeight), keys);
      if (bad.isPresent()) {
        return bad;
      }
    }
    try {
      view.apply(tx);
    } catch (PoolRejectedException e) {
      return Optional.of(WalletChecks.applyFailure(tx, e.rejection()));
    }
    contents.insert(new PoolEntry(tx, lastHeight, keys));
    return Optional.empty();
  }

  /**
   * Transactions for the next block in ARK's forging order (spec §5 collator), re-validated on a
   * fresh view of the committed state: at most {@code maxTransactions}, and with the block header
   * and signature within {@code maxPayloadBytes} (each transaction costs its length plus 4). A
   * transaction that no longer applies is removed from the pool with its sender's later ones.
   */
  public List<Transaction> collectForBlock(int maxTransactions, long maxPayloadBytes) {
    checkThread();
    long height = lastHeight;
    boolean fullIds = network.milestones().at(Math.max(1, height)).idFullSha256();
    long bytesLeft = maxPayloadBytes - headerSize(fullIds) - MAX_BLOCK_SIGNATURE;
    WalletStage.View fresh = wallets.newView();
    List<Transaction> chosen = new ArrayList<>();
    List<PoolEntry> failed = new ArrayList<>();
    ForgingOrder order = new ForgingOrder(contents.queues());
    while (chosen.size() < maxTransactions && order.hasNext()) {
      PoolEntry e = order.next();
      if (stateless.cheapChecks(e.tx(), height).isPresent()) {
        failed.add(e);
        order.skipSender();
        continue;
      }
      long needed = 4L + e.size();
      if (needed > bytesLeft) {
        break; // ARK stops here rather than looking for a smaller transaction
      }
      try {
        fresh.apply(e.tx());
        chosen.add(e.tx());
        bytesLeft -= needed;
      } catch (PoolRejectedException ex) {
        LOG.debug("dropping {} at collection: {}", e.id(), ex.getMessage());
        failed.add(e);
        order.skipSender();
      }
    }
    for (PoolEntry e : failed) {
      if (contents.contains(e.id())) {
        removeWithSuccessors(e);
      }
    }
    return chosen;
  }

  /** The serialized header without signature: previousBlock is 8 bytes, or 32 with full ids. */
  static int headerSize(boolean fullIds) {
    return 4 + 4 + 4 + (fullIds ? 32 : 8) + 4 + 8 + 8 + 8 + 4 + 32 + 33;
  }

  /**
   * After the chain applied {@code block}: its transactions leave the pool, then every remaining
   * one is re-checked against the new state in pool order; a sender's first failure is dropped with
   * its later transactions. Returns the dropped transactions (not counting the block's).
   */
  public List<Transaction> onBlockApplied(Block block) {
    checkThread();
    Milestone before = network.milestones().at(lastHeight + 1);
    lastHeight = block.height();
    if (block.transactions().isEmpty()
        && before.equals(network.milestones().at(lastHeight + 1))
        && view != null) {
      return afterEmptyBlock();
    }
    Set<String> forged = new HashSet<>();
    for (Transaction tx : block.transactions()) {
      forged.add(tx.id());
    }
    List<PoolEntry> keep = new ArrayList<>(contents.size());
    for (PoolEntry e : contents.entries()) {
      if (!forged.contains(e.id())) {
        keep.add(e);
      }
    }
    return rebuild(keep);
  }

  /**
   * An empty block under the same milestone changes no wallet a pending transaction depends on: it
   * only credits the generator (its view balance stays conservatively lower until the next rebuild)
   * and advances the height, so only age and expiration need checking.
   */
  private List<Transaction> afterEmptyBlock() {
    List<Transaction> dropped = new ArrayList<>();
    for (PoolEntry e : removeOldAndExpired()) {
      dropped.add(e.tx());
    }
    return dropped;
  }

  /**
   * After the chain reverted {@code block} (now the tip is its parent): its transactions come back
   * first (their nonces precede any pending ones), then the pool is re-checked as after a block.
   */
  public List<Transaction> onBlockReverted(Block block) {
    checkThread();
    lastHeight = block.height() - 1;
    List<PoolEntry> order = new ArrayList<>(block.transactions().size() + contents.size());
    for (Transaction tx : block.transactions()) {
      if (!contents.contains(tx.id())) {
        order.add(new PoolEntry(tx, lastHeight, null));
      }
    }
    order.addAll(contents.entries());
    return rebuild(order);
  }

  private List<Transaction> rebuild(List<PoolEntry> order) {
    contents.clear();
    view = wallets.newView();
    viewStale = false;
    long height = lastHeight;
    long oldest = height - config.maxTransactionAge();
    Set<Bytes> failedSenders = new HashSet<>();
    List<Transaction> dropped = new ArrayList<>();
    for (PoolEntry e : order) {
      Transaction tx = e.tx();
      if (failedSenders.contains(tx.senderPublicKey())) {
        dropped.add(tx);
        continue;
      }
      Optional<PoolRejection> problem = readd(e, oldest, height);
      if (problem.isPresent()) {
        LOG.debug("dropping {}: {}", tx.id(), problem.get().message());
        failedSenders.add(tx.senderPublicKey());
        dropped.add(tx);
      }
    }
    while (contents.size() > config.maxTransactionsInPool()) {
      for (PoolEntry e : removeWithSuccessors(contents.lowestPriority())) {
        dropped.add(e.tx());
      }
    }
    return dropped;
  }

  private Optional<PoolRejection> readd(PoolEntry e, long oldest, long height) {
    Transaction tx = e.tx();
    if (e.heightAdded() <= oldest) {
      return reject(RejectionCode.ERR_EXPIRED, TransactionLabel.of(tx) + " is too old");
    }
    if (contents.contains(tx.id())) {
      return reject(RejectionCode.ERR_DUPLICATE, TransactionLabel.of(tx) + " is already in pool");
    }
    if (contents.senderCount(tx.senderPublicKey()) >= config.maxTransactionsPerSender()
        && !config.unlimited(tx.senderPublicKey())) {
      // reverted transactions come back first and may push a sender's latest ones out
      return reject(
          RejectionCode.ERR_EXCEEDS_MAX_COUNT,
          TransactionLabel.of(tx) + " exceeds sender's transactions count limit");
    }
    Optional<PoolRejection> problem = stateless.cheapChecks(tx, height);
    if (problem.isEmpty()) {
      problem = contents.pendingConflict(tx);
    }
    SenderKeys keys = view.senderKeys(tx.senderPublicKey());
    if (problem.isEmpty() && keys.walletKnown() && !keys.equals(e.verifiedKeys())) {
      problem = WalletChecks.verify(verifier, tx, stateless.context(lastHeight), keys);
    }
    if (problem.isPresent()) {
      return problem;
    }
    try {
      view.apply(tx);
    } catch (PoolRejectedException ex) {
      return Optional.of(WalletChecks.applyFailure(tx, ex.rejection()));
    }
    contents.insert(new PoolEntry(tx, e.heightAdded(), keys));
    return Optional.empty();
  }

  /** Removes {@code entry} and its sender's later transactions, undoing them on the view. */
  private List<PoolEntry> removeWithSuccessors(PoolEntry entry) {
    List<PoolEntry> removed = contents.removeWithSuccessors(entry);
    for (int i = removed.size() - 1; i >= 0 && !viewStale && view != null; i--) {
      if (!view.revert(removed.get(i).tx())) {
        viewStale = true;
      }
    }
    return removed;
  }

  private List<PoolEntry> removeOldAndExpired() {
    long height = lastHeight;
    purgedAtHeight = height;
    long oldest = height - config.maxTransactionAge();
    List<PoolEntry> stale = new ArrayList<>();
    for (PoolEntry e : contents.entries()) {
      if (e.heightAdded() <= oldest || stateless.isExpired(e.tx(), height)) {
        stale.add(e);
      }
    }
    List<PoolEntry> removed = new ArrayList<>();
    for (PoolEntry e : stale) {
      if (contents.contains(e.id())) {
        removed.addAll(removeWithSuccessors(e));
      }
    }
    return removed;
  }

  /**
   * A view that could not undo an eviction still holds the evicted transactions' effects: it is
   * conservative for their senders (nonce ahead, balance lower) and may credit their recipients,
   * which the next block's rebuild and the forger's fresh view correct. Rebuilding it costs one
   * application per pooled transaction, so under eviction pressure it is rebuilt at most once per
   * block height, which keeps a fee-bumping flood from turning every admission into a full rebuild.
   */
  private void ensureView() {
    if (view == null) {
      rebuild(new ArrayList<>(contents.entries()));
    } else if (viewStale && staleRebuildHeight != lastHeight) {
      staleRebuildHeight = lastHeight;
      rebuild(new ArrayList<>(contents.entries()));
    }
  }

  /** The pending transactions in admission order, to keep across a restart ({@link PoolFile}). */
  public List<StoredTransaction> snapshot() {
    checkThread();
    List<StoredTransaction> all = new ArrayList<>(contents.size());
    for (PoolEntry e : contents.entries()) {
      all.add(new StoredTransaction(e.tx(), e.heightAdded()));
    }
    return all;
  }

  /**
   * Brings kept transactions back after a restart, checked like new ones (signatures included,
   * since the file is outside the chain's guarantees) and kept in their order. Returns the ones
   * that no longer enter.
   */
  public List<Transaction> restore(List<StoredTransaction> stored) {
    checkThread();
    List<Transaction> dropped = new ArrayList<>();
    List<PoolEntry> order = new ArrayList<>(contents.entries());
    for (StoredTransaction s : stored) {
      Prepared p = stateless.check(Submitted.decoded(s.tx()), lastHeight);
      if (p.isRejected()) {
        dropped.add(s.tx());
      } else {
        order.add(new PoolEntry(s.tx(), s.heightAdded(), null));
      }
    }
    dropped.addAll(rebuild(order));
    return dropped;
  }

  public int size() {
    checkThread();
    return contents.size();
  }

  public long totalBytes() {
    checkThread();
    return contents.totalBytes();
  }

  public long lastHeight() {
    return lastHeight;
  }

  public boolean contains(String id) {
    checkThread();
    return contents.contains(id);
  }

  public Optional<Transaction> get(String id) {
    checkThread();
    PoolEntry e = contents.get(id);
    return e == null ? Optional.empty() : Optional.of(e.tx());
  }

  /** How many transactions {@code sender} has waiting. */
  public int senderCount(Bytes senderPublicKey) {
    checkThread();
    return contents.senderCount(senderPublicKey);
  }

  /** A copy of the pending transactions for readers off the chain thread. */
  public PoolView view() {
    checkThread();
    return PoolView.of(contents.queues(), lastHeight);
  }

  /** Every pending transaction in forging order (ARK's {@code /transactions/unconfirmed}). */
  public List<Transaction> inForgingOrder() {
    checkThread();
    List<Transaction> all = new ArrayList<>(contents.size());
    ForgingOrder order = new ForgingOrder(contents.queues());
    while (order.hasNext()) {
      all.add(order.next().tx());
    }
    return all;
  }

  Collection<PoolEntry> entries() {
    return contents.entries();
  }

  private void checkThread() {
    Thread current = Thread.currentThread();
    if (owner == null) {
      owner = current;
    } else if (owner != current) {
      throw new IllegalStateException(
          "the transaction pool is confined to " + owner.getName() + ", not " + current.getName());
    }
  }

  private String formatAmount(long arktoshi) {
    return BigDecimal.valueOf(arktoshi).movePointLeft(8).stripTrailingZeros().toPlainString()
        + " "
        + network.symbol();
  }

  private static Optional<PoolRejection> reject(RejectionCode code, String message) {
    return Optional.of(new PoolRejection(code, message));
  }
}
