package com.osmosecollective.node.consensus.chain;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.BlockTimestampRules;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.consensus.MissedSlots;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockVerification;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.RoundDelegates;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain: the one thread that changes state. Blocks are verified in isolation (signatures in
 * parallel) on the caller's thread, then decided, applied and committed in one storage batch on the
 * chain thread; readers see only whole blocks through {@link #snapshot()} and storage.
 */
public final class Chain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Chain.class);

  private final Network network;
  private final ChainStore store;
  private final StateApplier applier;
  private final BlockVerifier verifier;
  private final NetworkTime time;
  private final RollbackPolicy rollback;
  private final BlockCodec codec;
  private final Slots slots;
  private final BlockTimestampRules timestampRules;
  private final BlockTimestampLookup lookup;
  private final Rounds rounds;
  private final MissedBlocks missedBlocks;
  private final StartBlocks startBlocks;
  private final BlockProcessor processor;
  private final CommitAssembler assembler;
  private final ExecutorService thread;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private volatile ChainSnapshot snapshot;

  /** How many verified blocks may wait for the chain thread during a replay. */
  private static final int REPLAY_AHEAD = 64;

  /** The first block refused during a replay, which ends it. */
  private volatile BlockOutcome replayStop;

  /** Non-null while {@link #replay} runs: the blocks waiting in storage's bulk batch. */
  private volatile PendingBlocks pending;

  /** The fatal failure that stopped the chain, null while it runs. */
  private volatile Throwable haltCause;

  private final List<Consumer<Throwable>> haltListeners = new CopyOnWriteArrayList<>();

  public Chain(
      Network network,
      ChainStore store,
      StateApplier applier,
      BlockVerifier verifier,
      NetworkTime time,
      RollbackPolicy rollback) {
    this.network = network;
    this.store = store;
    this.applier = applier;
    this.verifier = verifier;
    this.time = time;
    this.rollback = rollback;
    this.codec = new BlockCodec(network);
    this.slots = new Slots(network.milestones());
    this.timestampRules = new BlockTimestampRules(network.milestones(), slots);
    BlockTimestampLookup stored = new StoredTimestamps(store.queries());
    this.lookup =
        height -> {
          PendingBlocks bulk = pending;
          OptionalLong timestamp = bulk == null ? OptionalLong.empty() : bulk.timestampOf(height);
          return timestamp.isPresent() ? timestamp.getAsLong() : stored.timestampOf(height);
        };
    this.rounds = new Rounds(network.milestones(), store.queries());
    this.missedBlocks = new MissedBlocks(new MissedSlots(slots), rounds, lookup);
    this.startBlocks = new StartBlocks(network, store, codec);
    this.processor =
        new BlockProcessor(
            new ForgingSchedule(network.milestones(), slots),
            timestampRules,
            lookup,
            verifier,
            network.exceptions(),
            id -> store.queries().blockById(id).isPresent());
    this.assembler = new CommitAssembler(codec, network.pubKeyHash(), rounds);
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "chain");
              t.setDaemon(true);
              return t;
            });
  }

  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  /**
   * Calls {@code listener} once, on the chain thread, when the chain halts: any exception other
   * than a block's refusal (a {@link BlockApplyException}) met while applying, reverting or
   * replaying blocks, or an {@link InvariantViolation}. From then on every such call fails with
   * {@link ChainHaltedException} and nothing more is written. The listener must not block.
   */
  public void onHalt(Consumer<Throwable> listener) {
    haltListeners.add(listener);
  }

  /** The failure that halted the chain, empty while it runs. */
  public Optional<Throwable> haltCause() {
    return Optional.ofNullable(haltCause);
  }

  /** Timestamps of committed blocks, for slot math outside the chain (the forger). */
  public BlockTimestampLookup timestampLookup() {
    return lookup;
  }

  /**
   * Opens the chain: applies the network's genesis block to an empty database, or resumes at the
   * committed tip (no replay). Fails when the database holds another network's genesis block.
   */
  public ChainSnapshot start() {
    return onChainThread(
        () -> {
          Block genesis = startBlocks.genesis();
          if (store.tip().isEmpty()) {
            applyGenesis(genesis);
          } else {
            String stored = store.queries().block(1).map(BlockData::id).orElse(null);
            if (!genesis.id().equals(stored)) {
              throw new IllegalStateException(
                  "the database's genesis block " + stored + " is not " + genesis.id());
            }
            publish(startBlocks.storedTip());
            LOG.info(
                "chain resumed at height {} ({})", snapshot.height(), snapshot.lastBlock().id());
          }
          return snapshot;
        });
  }

  /** The committed tip and the next height's forging order. */
  public ChainSnapshot snapshot() {
    return snapshot;
  }

  /** Processes a block received from elsewhere (peers, a branch). */
  public CompletableFuture<BlockOutcome> submit(Block block) {
    return submit(block, false);
  }

  /** Processes a block made by this node's forger (ARK's {@code fromForger} timing rule). */
  public CompletableFuture<BlockOutcome> submitForged(Block block) {
    return submit(block, true);
  }

  private CompletableFuture<BlockOutcome> submit(Block block, boolean forged) {
    long now = time.now();
    CompletableFuture<BlockVerification> verifying = verifier.verifyAsync(block, now);
    return CompletableFuture.supplyAsync(
        () -> guarded(() -> process(block, verifying, forged, now)), thread);
  }

  /** {@link #replay(Iterable, ReplayVerification)} with {@link ReplayVerification#FULL}. */
  public ReplayResult replay(Iterable<Block> blocks) {
    return replay(blocks, ReplayVerification.FULL);
  }

  /**
   * Applies blocks from a local source (another database, a snapshot, a sync batch) that continue
   * the tip: the same decision list and state transitions as {@link #submit}, with the verification
   * {@code level} asks for (see {@link ReplayVerification} for what {@code TRUSTED_SOURCE} skips
   * and why), committed with {@link ChainStore#commitBulk} (batches written without fsync at every
   * round end, the tip moving only with whole blocks) and synced once at the end. Blocks are
   * verified ahead (signatures in parallel, up to {@code REPLAY_AHEAD} blocks in flight) while the
   * chain thread applies the previous ones. Stops at the first block that is not accepted; the
   * blocks before it stay. Blocking; returns once the applied blocks are durable.
   */
  public ReplayResult replay(Iterable<Block> blocks, ReplayVerification level) {
    long from =
        onChainThread(
            () -> {
              requireRunning();
              if (snapshot == null) {
                throw new IllegalStateException("the chain is not started");
              }
              pending = new PendingBlocks(storedWallets());
              replayStop = null;
              return snapshot.height();
            });
    Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    try {
      for (Block block : blocks) {
        if (replayStop != null) {
          break;
        }
        long now = time.now();
        // Full verification is not awaited here: the signatures of the blocks ahead keep the
        // verification workers busy while the chain thread applies earlier blocks, each joined
        // before its block is written.
        CompletableFuture<BlockVerification> verification =
            level == ReplayVerification.FULL
                ? verifier.verifyAsync(block, now)
                : completedFuture(verifier.verifyTrusted(block, now));
        inFlight.add(
            CompletableFuture.runAsync(
                () -> guarded(() -> replayOne(block, verification, now)), thread));
        if (inFlight.size() > REPLAY_AHEAD) {
          inFlight.poll().join();
        }
      }
      inFlight.forEach(CompletableFuture::join);
    } finally {
      onChainThread(
          () -> {
            pending = null;
            if (haltCause == null) {
              guarded(store::sync);
            }
            return null;
          });
    }
    BlockOutcome stop = replayStop;
    long tip = snapshot.height();
    return new ReplayResult(
        Math.toIntExact(tip - from), tip, stop == null ? BlockOutcome.accepted() : stop);
  }

  /** Applies one replayed block unless an earlier one already stopped the replay. */
  private Void replayOne(Block block, CompletableFuture<BlockVerification> verification, long now) {
    if (replayStop == null) {
      BlockOutcome outcome = process(block, verification, false, now);
      if (!outcome.isAccepted()) {
        LOG.warn("replay stopped at block {}: {}", block.height(), outcome.reason());
        replayStop = outcome;
      }
    }
    return null;
  }

  /** Reverts the top {@code count} blocks (never the genesis block); returns how many. */
  public CompletableFuture<Integer> revert(int count) {
    return CompletableFuture.supplyAsync(() -> guarded(() -> revertNow(count)), thread);
  }

  /**
   * Fork recovery: reverts to the parent of {@code branch}'s first block, then applies the branch.
   * If a branch block is not accepted, the removed blocks are applied again.
   */
  public CompletableFuture<BlockOutcome> switchToBranch(List<Block> branch) {
    if (branch.isEmpty()) {
      throw new IllegalArgumentException("empty branch");
    }
    long now = time.now();
    List<BlockVerification> verifications = new ArrayList<>();
    for (Block block : branch) {
      verifications.add(verifier.verify(block, now));
    }
    return CompletableFuture.supplyAsync(
        () -> guarded(() -> switchNow(branch, verifications, now)), thread);
  }

  private BlockOutcome switchNow(List<Block> branch, List<BlockVerification> checks, long now) {
    // the common block may still wait in a replay's bulk batch, invisible to the query below
    writeReplayBatch();
    Block first = branch.get(0);
    long common = first.height() - 1;
    String commonId = store.queries().block(common).map(BlockData::id).orElse(null);
    if (common < 1 || !java.util.Objects.equals(first.previousBlock(), commonId)) {
      return BlockOutcome.of(BlockStatus.REJECTED, "the branch does not start on our chain");
    }
    if (snapshot.height() - common > store.options().undoKeepBlocks()) {
      return BlockOutcome.of(
          BlockStatus.REJECTED,
          "the fork is deeper than the "
              + store.options().undoKeepBlocks()
              + " blocks whose undo records are kept");
    }
    List<Block> removed = new ArrayList<>();
    while (snapshot.height() > common) {
      removed.add(0, snapshot.lastBlock());
      revertNow(1);
    }
    LOG.info("fork recovery: reverted {} block(s) to the common block {}", removed.size(), common);
    for (int i = 0; i < branch.size(); i++) {
      BlockOutcome outcome = process(branch.get(i), completedFuture(checks.get(i)), false, now);
      if (!outcome.isAccepted()) {
        LOG.warn("fork branch rejected at height {}: {}", branch.get(i).height(), outcome.reason());
        revertNow(Math.toIntExact(snapshot.height() - common));
        for (Block block : removed) {
          BlockOutcome again = process(block, verifier.verifyAsync(block, now), false, now);
          if (!again.isAccepted()) {
            // our own chain no longer applies on its own parent: the state is not what the blocks
            // say, and going on would fork us off silently
            throw new InvariantViolation(
                "fork recovery failed: block "
                    + block.height()
                    + " "
                    + block.id()
                    + " of our own chain was refused when applied again ("
                    + again.reason()
                    + "); the chain database is at height "
                    + snapshot.height());
          }
        }
        return outcome;
      }
    }
    return BlockOutcome.accepted();
  }

  /**
   * The decision list, state transitions and commit of one block. The decisions that need no
   * signature and the state transitions run on an overlay while the signatures are still being
   * checked (nothing is written or published before the verification's result is known, and a
   * failed verification wins, as the decision list orders it): on two cores this hides the chain
   * thread's work behind the signature checks.
   */
  private BlockOutcome process(
      Block block, CompletableFuture<BlockVerification> verifying, boolean forged, long now) {
    if (snapshot == null) {
      throw new IllegalStateException("the chain is not started");
    }
    Block last = snapshot.lastBlock();
    if (timestampRules.isInFutureSlot(block.timestamp(), now, last.height(), lookup)) {
      return BlockOutcome.of(
          BlockStatus.REJECTED, "block " + block.height() + " is from a future slot");
    }
    if (forged && timestampRules.isForgedTooLate(block.timestamp(), now, last.height(), lookup)) {
      return BlockOutcome.of(BlockStatus.REJECTED, "forged block received too late in its slot");
    }
    WalletRepository wallets = wallets();
    Optional<BlockOutcome> exception = processor.exceptionStep(block, last);
    BlockOutcome outcome =
        exception.orElseGet(
            () ->
                processor.decideVerified(
                    block, last, rounds::forgingOrder, wallets, alreadyInChain(block)));
    PreparedBlock prepared = outcome.isAccepted() ? prepare(block, last, wallets) : null;
    BlockVerification verification = verifying.join();
    if (exception.isEmpty() && !verification.verified()) {
      outcome = BlockProcessor.unverified(verification);
    } else if (exception.isEmpty()) {
      outcome = processor.walletRefusal(block, verification, wallets).orElse(outcome);
    }
    switch (outcome.status()) {
      case ACCEPTED -> {
        if (prepared.refusal() != null) {
          LOG.warn("block {} {} rejected: {}", block.height(), block.id(), prepared.refusal());
          return BlockOutcome.of(BlockStatus.REJECTED, prepared.refusal());
        }
        commit(block, prepared, forged);
        return BlockOutcome.accepted();
      }
      case ROLLBACK -> {
        if (pending != null) {
          // a trusted replay source that double-forges is broken: stop without reverting
          return outcome;
        }
        LOG.warn("{}; rolling back", outcome.reason());
        // never deeper than the undo records storage keeps
        int removed =
            revertNow(
                Math.min(rollback.blocksToRemove(last.height()), store.options().undoKeepBlocks()));
        LOG.warn("fork recovery removed {} block(s); tip now {}", removed, snapshot.height());
        return outcome;
      }
      default -> {
        LOG.debug("block {} {}: {}", block.height(), outcome.status(), outcome.reason());
        return outcome;
      }
    }
  }

  private PreparedBlock prepare(Block block, Block last, WalletRepository wallets) {
    StateChanges changes;
    try {
      changes = applier.apply(block, last, wallets);
    } catch (BlockApplyException e) {
      // only a rule the block breaks refuses it; any other exception (a storage failure, a bug)
      // is not the block's fault and halts the chain (see guarded)
      return PreparedBlock.refused(String.valueOf(e.getMessage()));
    }
    List<MissedSlots.MissedSlot<String>> missed = missedBlocks.between(last, block);
    return assembler.assemble(
        block, MissedBlocks.counted(changes, missed, wallets), missed, wallets);
  }

  private void applyGenesis(Block genesis) {
    if (!Hex.encode(genesis.header().payloadHash()).equals(network.nethash())) {
      throw new IllegalStateException("the genesis block's payloadHash is not the nethash");
    }
    WalletRepository wallets = wallets();
    StateChanges changes = applier.applyGenesis(genesis, wallets);
    commit(genesis, assembler.assemble(genesis, changes, List.of(), wallets), false);
  }

  private void commit(Block block, PreparedBlock prepared, boolean forged) {
    RoundDelegates newRound = prepared.newRound();
    if (pending == null) {
      store.commit(prepared.commit());
    } else {
      store.commitBulk(prepared.commit());
      pending.add(block, prepared.changes());
      if (newRound != null) {
        // the next round's forging order is read from storage: make the batch visible
        writeReplayBatch();
      }
    }
    publish(block);
    List<String> missedRound =
        newRound != null && block.height() > 1
            ? rounds.withoutBlockInRound(block.height())
            : List.of();
    AppliedBlockInfo info =
        new AppliedBlockInfo(
            username(block.header().generatorPublicKeyHex()),
            forged,
            newRound == null ? 0 : newRound.round(),
            prepared.missed().stream()
                .map(m -> new MissedSlotEvent(m.slotNumber(), m.delegate(), username(m.delegate())))
                .toList(),
            missedRound);
    for (ChainListener listener : listeners) {
      try {
        listener.blockApplied(block, info);
      } catch (RuntimeException e) {
        // the block is committed; a listener's failure is its own, not the chain's
        LOG.error("a listener failed on block {}: {}", block.height(), e.toString(), e);
      }
    }
  }

  private int revertNow(int count) {
    if (count > 0) {
      // revertTip writes the pending batch first: start the replay's overlay afresh
      writeReplayBatch();
    }
    int reverted = 0;
    while (reverted < count && snapshot.height() > 1) {
      Block tip = snapshot.lastBlock();
      store.revertTip();
      rounds.invalidate();
      publish(startBlocks.storedTip());
      reverted++;
      for (ChainListener listener : listeners) {
        try {
          listener.blockReverted(tip);
        } catch (RuntimeException e) {
          LOG.error("a listener failed on reverted block {}: {}", tip.height(), e.toString(), e);
        }
      }
    }
    return reverted;
  }

  /** During a replay: writes the bulk batch (no fsync) and starts the overlay afresh. */
  private void writeReplayBatch() {
    if (pending != null) {
      store.flush();
      pending = new PendingBlocks(storedWallets());
    }
  }

  private void publish(Block tip) {
    snapshot = new ChainSnapshot(tip, rounds.forgingOrder(tip.height() + 1));
  }

  private WalletRepository wallets() {
    PendingBlocks bulk = pending;
    return bulk == null ? storedWallets() : bulk.wallets();
  }

  private WalletRepository storedWallets() {
    return new StoredWalletRepository(store.queries(), network.pubKeyHash());
  }

  /** Whether a transaction id is in the chain: the block's ids looked up in one multi-get. */
  private Predicate<String> alreadyInChain(Block block) {
    Set<String> stored =
        store
            .queries()
            .storedTransactionIds(block.transactions().stream().map(Transaction::id).toList());
    PendingBlocks bulk = pending;
    return id -> stored.contains(id) || (bulk != null && bulk.hasTransaction(id));
  }

  private String username(String publicKey) {
    return store
        .queries()
        .walletByPublicKey(publicKey)
        .map(Wallet::delegate)
        .map(d -> d.username())
        .orElse("?");
  }

  /**
   * Runs {@code work} on the chain thread, after the blocks already queued: for parts confined to
   * it, such as the transaction pool.
   */
  public <T> CompletableFuture<T> callOnChainThread(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, thread);
  }

  /** Runs work on the chain thread and waits; its exception is rethrown as it was thrown. */
  private <T> T onChainThread(Supplier<T> work) {
    try {
      return callOnChainThread(work).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Runs block work on the chain thread; any exception it throws halts the chain (a block's refusal
   * is an outcome, never an exception), and nothing runs once it is halted.
   */
  private <T> T guarded(Supplier<T> work) {
    requireRunning();
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      halt(e);
      throw e;
    }
  }

  private void guarded(Runnable work) {
    guarded(
        () -> {
          work.run();
          return null;
        });
  }

  private void requireRunning() {
    Throwable cause = haltCause;
    if (cause != null) {
      throw new ChainHaltedException(cause);
    }
  }

  private void halt(Throwable cause) {
    if (haltCause != null) {
      return;
    }
    haltCause = cause;
    LOG.warn(
        "the chain stops at height {}: {}",
        snapshot == null ? 0 : snapshot.height(),
        cause.toString());
    LOG.debug("what stopped the chain", cause);
    for (Consumer<Throwable> listener : haltListeners) {
      try {
        listener.accept(cause);
      } catch (RuntimeException e) {
        LOG.warn("a halt listener failed: {}", e.toString());
      }
    }
  }

  /** Stops the chain thread after the work already queued. The store stays open (owner closes). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the chain thread did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
