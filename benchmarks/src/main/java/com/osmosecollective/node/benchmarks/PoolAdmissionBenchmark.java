package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.StateWalletStage;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.consensus.pool.TransactionPool;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.state.InMemoryWallets;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pool admission of 10,000 signed devnet transfers (100 senders × 100 nonces) in batches of 40, as
 * the API hands them over: stateless checks and signature verification (on {@code verifierThreads}
 * threads), then duplicates, limits, pending rules and the wallet stage (node-core state handlers
 * on a copy-on-write overlay) on the benchmark thread, which plays the chain thread. Each
 * invocation starts from an empty pool.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PoolAdmissionBenchmark {
  static final int SENDERS = 100;
  static final int PER_SENDER = 100;
  static final int TOTAL = SENDERS * PER_SENDER;

  @Param({"1", "2"})
  public int verifierThreads;

  Network network;
  InMemoryWallets committed;
  List<List<Submitted>> batches;
  ExecutorService verifiers;
  TransactionPool pool;

  /** A valid transaction the pool never saw, for blocks "forged elsewhere". */
  Transaction foreign;

  @Setup(Level.Trial)
  public void setup() {
    network = devnet();
    committed = new InMemoryWallets(network.pubKeyHash());
    List<PrivateKey> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      PrivateKey key = PrivateKey.fromPassphrase("pool benchmark sender " + s);
      senders.add(key);
      String hex = Bytes.of(key.publicKey()).hex();
      committed.put(committed.byPublicKey(hex).withBalance(1_000_000L * 100_000_000L));
    }
    Bytes recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                PrivateKey.fromPassphrase("pool benchmark recipient").publicKey(),
                network.pubKeyHash()));
    long fee = network.milestones().at(2).staticFee("transfer", 0);
    batches = new ArrayList<>();
    List<Submitted> batch = new ArrayList<>();
    for (int nonce = 1; nonce <= PER_SENDER; nonce++) {
      for (PrivateKey sender : senders) {
        Transaction tx =
            TransactionSigner.sign(
                Transaction.builder()
                    .version(2)
                    .network(network.pubKeyHash())
                    .nonce(nonce)
                    .senderPublicKey(Bytes.of(sender.publicKey()))
                    .fee(fee)
                    .amount(1)
                    .asset(new Asset.Transfer(0, recipient))
                    .build(),
                sender);
        batch.add(Submitted.decoded(tx));
        if (batch.size() == 40) {
          batches.add(batch);
          batch = new ArrayList<>();
        }
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    PrivateKey stranger = PrivateKey.fromPassphrase("pool benchmark stranger");
    foreign =
        TransactionSigner.sign(
            Transaction.builder()
                .version(2)
                .network(network.pubKeyHash())
                .nonce(1)
                .senderPublicKey(Bytes.of(stranger.publicKey()))
                .fee(fee)
                .amount(1)
                .asset(new Asset.Transfer(0, recipient))
                .build(),
            stranger);
    verifiers = Executors.newFixedThreadPool(verifierThreads);
  }

  @Setup(Level.Invocation)
  public void emptyPool() {
    pool = newPool(network, committed, PoolConfig.defaults());
  }

  static TransactionPool newPool(Network network, InMemoryWallets committed, PoolConfig config) {
    long height = 1;
    StateWalletStage stage =
        new StateWalletStage(
            () -> committed,
            TransactionHandlers.withBestVerifier(),
            () -> StateContext.forPool(network, height, 0, 10));
    return new TransactionPool(
        network,
        config,
        stage,
        new TransactionVerifier(SignatureVerifiers.best()),
        () -> 10,
        height);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    verifiers.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(TOTAL)
  public int admit() throws BatchTooLargeException {
    int accepted = 0;
    for (List<Submitted> b : batches) {
      AdmissionResult r =
          verifierThreads == 1 ? pool.add(b) : pool.admit(pool.prepare(b, verifiers));
      accepted += r.accept().size();
    }
    if (accepted != TOTAL) {
      throw new IllegalStateException("only " + accepted + " of " + TOTAL + " accepted");
    }
    return accepted;
  }

  static Network devnet() {
    try {
      return new NetworkLoader().loadShipped("devnet");
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }
}
