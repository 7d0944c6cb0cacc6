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
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockHeader;
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

  /** The work a block causes: re-validation of a full pool, and choosing 150 transactions. */
  @State(Scope.Thread)
  public static class FullPool {
    PoolAdmissionBenchmark source = new PoolAdmissionBenchmark();
    TransactionPool pool;
    long height = 1;

    @Setup(Level.Trial)
    public void fill() throws BatchTooLargeException {
      source.verifierThreads = 1;
      source.setup();
      // no ageing out while the benchmark advances the height block after block
      pool =
          newPool(
              source.network,
              source.committed,
              PoolConfig.defaults().withMaxTransactionAge(Integer.MAX_VALUE));
      for (List<Submitted> b : source.batches) {
        pool.add(b);
      }
      source.tearDown();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int revalidateAfterEmptyBlock(FullPool state) {
    state.height++;
    BlockHeader header =
        new BlockHeader(
            0, 0, state.height, "p", 0, 0, 0, 0, 0, new byte[32], new byte[33], new byte[] {1});
    List<Transaction> dropped = state.pool.onBlockApplied(new Block(header, List.of(), "b"));
    if (!dropped.isEmpty()) {
      throw new IllegalStateException(dropped.size() + " dropped");
    }
    return state.pool.size();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int collect150(FullPool state) {
    return state.pool.collectForBlock(150, 6_300_000).size();
  }

  private static Network devnet() {
    try {
      return new NetworkLoader().loadShipped("devnet");
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }
}
