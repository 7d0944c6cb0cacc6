package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One block through the whole chain path, as a block from a peer takes it: verification in
 * isolation (transaction signatures in parallel on two workers), the processor's decision list,
 * state transitions, and the commit (one RocksDB batch, fsynced). The block holds {@code
 * transactions} transfers of one sender; it is built (and signed) outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 40)
@Fork(1)
public class ChainApplyBenchmark {
  private static final int BLOCKTIME = 8;

  @Param({"150", "0"})
  public int transactions;

  private Path dir;
  private Network network;
  private ChainStore store;
  private Chain chain;
  private ForkJoinPool workers;
  private final SettableClock clock = new SettableClock(Instant.EPOCH);
  private final Map<String, PrivateKey> delegates = new HashMap<>();
  private PrivateKey sender;
  private Bytes recipient;
  private long senderNonce;
  private long slot = 1000;
  private Block next;

  @Setup(Level.Trial)
  public void openChain() throws Exception {
    dir = Files.createTempDirectory("chain-bench");
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    network = devnet.network();
    for (GenesisAccount d : devnet.plan().delegates()) {
      delegates.put(d.publicKey(), d.key());
    }
    sender = devnet.plan().funded().get(0).key();
    recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                devnet.plan().funded().get(1).key().publicKey(), network.pubKeyHash()));
    store = ChainStore.open(StoreOptions.inDataDir(dir), network.nethash());
    workers = new ForkJoinPool(2);
    chain =
        new Chain(
            network,
            store,
            new CoreStateApplier(network, TransactionHandlers.withBestVerifier()),
            new BlockVerifier(network, SignatureVerifiers.best(), workers),
            new NetworkTime(network.epoch(), clock),
            RollbackPolicy.fixed(5));
    chain.start();
  }

  @Setup(Level.Iteration)
  public void nextBlock() throws Exception {
    ChainSnapshot tip = chain.snapshot();
    slot++;
    long timestamp = slot * BLOCKTIME;
    clock.set(network.epoch().plusSeconds(timestamp));
    String generator = tip.nextForgingOrder().get((int) (slot % tip.nextForgingOrder().size()));
    List<Transaction> txs =
        SignedTransfers.of(network, sender, senderNonce + 1, transactions, recipient);
    senderNonce += transactions;
    next =
        new BlockFactory(new BlockCodec(network))
            .make(
                tip.height() + 1,
                timestamp,
                tip.lastBlock().id(),
                network.milestones().at(tip.height() + 1).reward(),
                txs,
                delegates.get(generator));
  }

  @Benchmark
  public BlockOutcome submit() {
    BlockOutcome outcome = chain.submit(next).join();
    if (!outcome.isAccepted()) {
      throw new IllegalStateException("block not accepted: " + outcome.reason());
    }
    return outcome;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    chain.close();
    store.close();
    workers.shutdown();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
