package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.ReplayResult;
import com.osmosecollective.node.consensus.chain.ReplayVerification;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Replay from a local database (plain main; see BENCHMARKS.md): a devnet chain of {@code blocks}
 * blocks with {@code transactions} transfers each is built live in {@code <dir>/source}, then its
 * blocks 2..tip are read back from that database and replayed with {@link Chain#replay} into a
 * fresh database in {@code <dir>/replay}. Only the replay is timed: decoding from the source
 * database, verification (signatures on two workers), the decision list, state transitions and the
 * bulk commits with their final sync.
 *
 * <p>Usage: {@code ChainReplayBenchmark <dir> <blocks> <transactionsPerBlock> [full|trusted ...]}:
 * one timed replay per level named (default one full), each into its own {@code <dir>/replay-<n>},
 * so levels can alternate in one JVM on the same source.
 */
public final class ChainReplayBenchmark {
  static final int BLOCKTIME = 8;

  private ChainReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: ChainReplayBenchmark <dir> <blocks> <transactionsPerBlock> [full|trusted ...]");
      System.exit(2);
    }
    List<ReplayVerification> levels = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      levels.add(
          switch (args[i]) {
            case "full" -> ReplayVerification.FULL;
            case "trusted" -> ReplayVerification.TRUSTED_SOURCE;
            default -> throw new IllegalArgumentException("level must be full or trusted");
          });
    }
    if (levels.isEmpty()) {
      levels.add(ReplayVerification.FULL);
    }
    Path dir = Path.of(args[0]);
    int blocks = Integer.parseInt(args[1]);
    int perBlock = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    Network network = devnet.network();
    ForkJoinPool workers = new ForkJoinPool(2);
    SettableClock clock = new SettableClock(network.epoch());

    try (ChainStore source =
            ChainStore.open(StoreOptions.inDataDir(dir.resolve("source")), network.nethash());
        Chain live = chain(network, source, workers, clock)) {
      live.start();
      long built = System.nanoTime();
      build(live, devnet, network, clock, blocks, perBlock);
      System.out.printf(
          "built %d blocks live in %.1f s%n",
          live.snapshot().height() - 1, (System.nanoTime() - built) / 1e9);

      for (int run = 0; run < levels.size(); run++) {
        replayOnce(
            network,
            workers,
            clock,
            source,
            live,
            dir.resolve("replay-" + run),
            levels.get(run),
            perBlock);
      }
    } finally {
      workers.shutdown();
    }
  }

  /** One timed replay of the source's blocks 2..tip into a fresh database {@code into}. */
  private static void replayOnce(
      Network network,
      ForkJoinPool workers,
      SettableClock clock,
      ChainStore source,
      Chain live,
      Path into,
      ReplayVerification level,
      int perBlock)
      throws Exception {
    try (ChainStore target =
            ChainStore.open(StoreOptions.inDataDir(into).forBulkLoad(), network.nethash());
        Chain replaying = chain(network, target, workers, clock)) {
      replaying.start();
      long tip = live.snapshot().height();
      BlockCodec codec = new BlockCodec(network);
      long start = System.nanoTime();
      ReplayResult result = replaying.replay(() -> storedBlocks(source, codec, 2, tip), level);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!result.complete()
          || !replaying.snapshot().lastBlock().id().equals(live.snapshot().lastBlock().id())) {
        throw new IllegalStateException("replay incomplete: " + result);
      }
      long txs = (long) result.applied() * perBlock;
      System.out.printf(
          "%s: replayed %d blocks (%d transactions) in %.3f s: %.0f blocks/s, %.0f tx/s%n",
          level, result.applied(), txs, seconds, result.applied() / seconds, txs / seconds);
    }
  }

  static Chain chain(Network network, ChainStore store, ForkJoinPool workers, Clock clock) {
    return new Chain(
        network,
        store,
        new CoreStateApplier(network, TransactionHandlers.withBestVerifier()),
        new BlockVerifier(network, SignatureVerifiers.best(), workers),
        new NetworkTime(network.epoch(), clock),
        RollbackPolicy.fixed(5));
  }

  /** Forges {@code blocks} blocks, one per slot, each with {@code perBlock} transfers. */
  static void build(
      Chain chain,
      DevnetNetworkFile.Devnet devnet,
      Network network,
      SettableClock clock,
      int blocks,
      int perBlock)
      throws Exception {
    Map<String, PrivateKey> delegates = new HashMap<>();
    for (GenesisAccount d : devnet.plan().delegates()) {
      delegates.put(d.publicKey(), d.key());
    }
    PrivateKey sender = devnet.plan().funded().get(0).key();
    Bytes recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                devnet.plan().funded().get(1).key().publicKey(), network.pubKeyHash()));
    BlockFactory factory = new BlockFactory(new BlockCodec(network));
    long nonce = 0;
    long slot = 1000;
    for (int b = 0; b < blocks; b++) {
      ChainSnapshot tip = chain.snapshot();
      slot++;
      clock.set(network.epoch().plusSeconds(slot * BLOCKTIME)); // the replay runs at the last slot
      List<String> order = tip.nextForgingOrder();
      String generator = order.get((int) (slot % order.size()));
      List<Transaction> txs = SignedTransfers.of(network, sender, nonce + 1, perBlock, recipient);
      nonce += perBlock;
      Block block =
          factory.make(
              tip.height() + 1,
              slot * BLOCKTIME,
              tip.lastBlock().id(),
              network.milestones().at(tip.height() + 1).reward(),
              txs,
              delegates.get(generator));
      BlockOutcome outcome = chain.submit(block).join();
      if (!outcome.isAccepted()) {
        throw new IllegalStateException("block not accepted: " + outcome.reason());
      }
    }
  }

  /** Blocks {@code from..to} decoded from a database as the replay consumes them. */
  private static Iterator<Block> storedBlocks(
      ChainStore store, BlockCodec codec, long from, long to) {
    return new Iterator<>() {
      private long next = from;

      @Override
      public boolean hasNext() {
        return next <= to;
      }

      @Override
      public Block next() {
        try {
          return codec.decode(store.queries().block(next++).orElseThrow().serialized());
        } catch (DecodeException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
