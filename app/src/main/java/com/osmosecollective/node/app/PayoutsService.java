package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.PoolAdmission;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.HeightRange;
import com.osmosecollective.node.funding.payout.PayoutBatch;
import com.osmosecollective.node.funding.payout.PayoutMemo;
import com.osmosecollective.node.funding.payout.PayoutOptions;
import com.osmosecollective.node.funding.payout.PayoutRun;
import com.osmosecollective.node.funding.payout.PayoutTransactions;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --payouts} (issue #14): for each delegate whose key the node holds and whose proposal is
 * in force, pays every ended payout period of the proposal that its payout memos do not cover yet,
 * as {@code osmose delegate payout} would for the period's heights, through the pool like an API
 * submission (and relayed to the peers).
 *
 * <p>Each applied block queues one check on a single worker thread (never the chain thread); checks
 * queued while one runs collapse into one. A period is paid once: the chain's memos ({@code
 * PayoutLedger}) cover what was forged, and a period whose payout is in the pool (submitted here,
 * or restored from {@code pool.dat}) waits until it is forged or dropped. A failure is logged as a
 * WARN and the period is tried again at the next block.
 */
final class PayoutsService implements Service, ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger(PayoutsService.class);
  private static final Duration ADMISSION_WAIT = Duration.ofSeconds(30);

  private final Network network;
  private final Path dataDir;
  private final DelegateKeys keys;
  private final StorageService storage;
  private final ChainService chain;
  private final PoolService pool;
  private final Consumer<List<Transaction>> relay;
  private final FatalStop fatal;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile ExecutorService worker;
  private volatile Funding funding;
  private volatile PoolAdmission admission;

  // the worker thread's own state
  private final Map<String, Long> settledThrough = new HashMap<>();
  private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
  private final Set<String> warnedCids = new HashSet<>();

  /** A payout this service put in the pool and has not seen forged or dropped yet. */
  private record InFlight(
      String publicKey, PayoutMemo memo, List<String> ids, long lastNonce, long atHeight) {}

  PayoutsService(
      Network network,
      Path dataDir,
      DelegateKeys keys,
      StorageService storage,
      ChainService chain,
      PoolService pool,
      Consumer<List<Transaction>> relay,
      FatalStop fatal) {
    this.network = network;
    this.dataDir = dataDir;
    this.keys = keys;
    this.storage = storage;
    this.chain = chain;
    this.pool = pool;
    this.relay = relay;
    this.fatal = fatal;
  }

  @Override
  public String name() {
    return "payouts";
  }

  @Override
  public void start() {
    funding = Funding.of(storage.store().queries(), network, dataDir);
    admission = pool.pool().admission(chain.verification());
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "payouts");
              t.setDaemon(true);
              return t;
            });
    chain.chain().addListener(this);
    LOG.info(
        "automatic payouts for {} delegate(s): each ended period of their proposals", keys.size());
    // periods that ended while the node was down are paid without waiting for a block
    queueCheck();
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    queueCheck();
  }

  private void queueCheck() {
    ExecutorService started = worker;
    if (started == null || started.isShutdown() || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      started.execute(this::check);
    } catch (RejectedExecutionException e) {
      // stopping: the next start checks again
      queued.set(false);
    }
  }

  private void check() {
    queued.set(false);
    if (fatal.failed()) {
      return;
    }
    for (String publicKey : keys.publicKeys()) {
      try {
        payEndedPeriods(publicKey);
      } catch (RuntimeException e) {
        LOG.warn("payouts of delegate {} not made, retried at the next block: {}", publicKey, e);
      }
    }
  }

  private void payEndedPeriods(String publicKey) {
    ChainQueries queries = storage.store().queries();
    Optional<Wallet> found = queries.walletByPublicKey(publicKey);
    if (found.isEmpty() || !found.get().isDelegate()) {
      return;
    }
    Wallet delegate = found.get();
    String username = delegate.delegate().username();
    Optional<AccountPeriods.Schedule> schedule;
    try {
      schedule = funding.periods().schedule(delegate);
    } catch (ProposalUnavailableException e) {
      if (warnedCids.add(e.cid())) {
        LOG.warn(
            "payouts of {}: the document of its proposal {} was never posted to this node (POST"
                + " /api/proposals); its periods are paid once it is",
            username,
            e.cid());
      }
      return;
    }
    if (schedule.isEmpty()) {
      return;
    }
    PoolView view = pool.pool().view();
    settleInFlight(publicKey, queries, view);
    String proposalKey = schedule.get().registration().transactionId();
    long next = settledThrough.getOrDefault(proposalKey, 0L) + 1;
    for (long k = next; k <= schedule.get().periods(); k++) {
      AccountPeriods.Period period = funding.periods().period(schedule.get(), k);
      if (!period.complete()) {
        return;
      }
      if (!period.empty()) {
        HeightRange range = new HeightRange(period.fromHeight(), period.toHeight());
        if (pending(publicKey, username, range, view)) {
          return;
        }
        PayoutRun run;
        try {
          run = funding.payouts().run(delegate.address(), range, PayoutOptions.defaults());
        } catch (ProposalUnavailableException e) {
          if (warnedCids.add(e.cid())) {
            LOG.warn(
                "payouts of {} for heights {}-{}: {}",
                username,
                range.from(),
                range.to(),
                e.getMessage());
          }
          return;
        }
        if (run.batches().stream().anyMatch(b -> !b.payments().isEmpty())) {
          submit(delegate, run, view);
          // the period is settled once its payout is forged (or found dropped and made again)
          return;
        }
      }
      settledThrough.put(proposalKey, k);
    }
  }

  /** Whether a payout of {@code range} by the delegate waits in the pool. */
  private boolean pending(String publicKey, String username, HeightRange range, PoolView view) {
    for (InFlight f : inFlight.values()) {
      if (f.publicKey().equals(publicKey)
          && range.overlaps(new HeightRange(f.memo().fromHeight(), f.memo().toHeight()))) {
        return true;
      }
    }
    for (Transaction tx : view.transactions()) {
      if (tx.senderPublicKey().hex().equals(publicKey)) {
        Optional<PayoutMemo> memo = PayoutMemo.parse(tx.vendorField());
        if (memo.isPresent()
            && memo.get().username().equals(username)
            && range.overlaps(new HeightRange(memo.get().fromHeight(), memo.get().toHeight()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Forgets the delegate's payouts that were forged or that left the pool without being forged. */
  private void settleInFlight(String publicKey, ChainQueries queries, PoolView view) {
    long height = queries.tip().map(ChainTip::height).orElse(0L);
    var it = inFlight.values().iterator();
    while (it.hasNext()) {
      InFlight f = it.next();
      if (!f.publicKey().equals(publicKey)) {
        continue;
      }
      Set<String> forged = queries.storedTransactionIds(f.ids());
      if (forged.size() == f.ids().size()) {
        it.remove();
        continue;
      }
      boolean waiting = f.ids().stream().anyMatch(id -> view.get(id).isPresent());
      // the pool's published copy lags a submission by a moment: give it a block
      if (!waiting && height > f.atHeight() + 1) {
        List<String> lost = f.ids().stream().filter(id -> !forged.contains(id)).toList();
        LOG.warn(
            "payout {}: transaction(s) {} left the pool without being forged{}",
            f.memo(),
            lost,
            forged.isEmpty()
                ? "; it is made again"
                : "; the others were forged, so the memo counts the range as paid: pay "
                    + "the missing recipients by hand");
        it.remove();
      }
    }
  }

  private void submit(Wallet delegate, PayoutRun run, PoolView view) {
    PrivateKey key = keys.key(delegate.publicKey()).orElseThrow();
    long tip = storage.store().queries().tip().map(ChainTip::height).orElse(0L);
    long lastNonce = delegate.nonce();
    for (Transaction tx : view.transactions()) {
      if (tx.senderPublicKey().hex().equals(delegate.publicKey())) {
        lastNonce = Math.max(lastNonce, tx.nonce());
      }
    }
    for (InFlight f : inFlight.values()) {
      if (f.publicKey().equals(delegate.publicKey())) {
        // a payout just admitted may not be in the pool's published copy yet
        lastNonce = Math.max(lastNonce, f.lastNonce());
      }
    }
    List<Transaction> txs =
        PayoutTransactions.build(
            run, key, lastNonce + 1, network.milestones().at(tip + 1), network.pubKeyHash());
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    int perRequest = PoolConfig.defaults().maxTransactionsPerRequest();
    for (int i = 0; i < txs.size(); i += perRequest) {
      List<Submitted> chunk =
          txs.subList(i, Math.min(txs.size(), i + perRequest)).stream()
              .map(Submitted::decoded)
              .toList();
      AdmissionResult result;
      try {
        result = admission.submit(chunk).get(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        refused.add(e.toString());
        break;
      }
      accepted.addAll(result.accept());
      result.errors().forEach((id, r) -> refused.add(id + " " + r.type() + ": " + r.message()));
      relay.accept(result.broadcastTransactions());
      if (!result.errors().isEmpty()) {
        // later nonces cannot be forged without the refused one
        break;
      }
    }
    Map<PayoutMemo, List<String>> idsByMemo = new LinkedHashMap<>();
    Map<PayoutMemo, Long> lastNonceByMemo = new HashMap<>();
    for (Transaction tx : txs) {
      if (accepted.contains(tx.id())) {
        PayoutMemo memo = PayoutMemo.parse(tx.vendorField()).orElseThrow();
        idsByMemo.computeIfAbsent(memo, m -> new ArrayList<>()).add(tx.id());
        lastNonceByMemo.merge(memo, tx.nonce(), Math::max);
      }
    }
    for (PayoutBatch batch : run.batches()) {
      List<String> ids = idsByMemo.get(batch.memo());
      if (ids == null) {
        continue;
      }
      inFlight.put(
          batch.memo().toString(),
          new InFlight(
              delegate.publicKey(), batch.memo(), ids, lastNonceByMemo.get(batch.memo()), tip));
      LOG.info(
          "payout of {} for heights {}-{}: {} recipient(s), {} {} in transaction(s) {}",
          run.username(),
          batch.memo().fromHeight(),
          batch.memo().toHeight(),
          batch.payments().size(),
          EconomicsReport.coins(batch.total()),
          network.symbol(),
          ids);
    }
    if (!refused.isEmpty()) {
      LOG.warn(
          "payout of {} for heights {}-{} refused by the pool, retried at the next block: {}",
          run.username(),
          run.requested().from(),
          run.requested().to(),
          refused);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    ExecutorService started = worker;
    started.shutdownNow();
    started.awaitTermination(2, TimeUnit.SECONDS);
  }

  @Override
  public Duration stopTimeout() {
    return Duration.ofSeconds(3);
  }

  @Override
  public String detail() {
    return keys.size() + " delegate(s)";
  }
}
