package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Block propagation across three nodes on loopback (plain main; see BENCHMARKS.md): A, B and C in a
 * mesh; A forges {@code blocks} empty blocks one per slot (submitForged, as its forger does); for
 * each, the time from the hand-over to A's chain until B and C have both applied it.
 *
 * <p>Usage: {@code P2pPropagationBenchmark <dir> <blocks>}
 */
public final class P2pPropagationBenchmark {
  private P2pPropagationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int blocks = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    DevnetNetworkFile.Devnet devnet =
        new DevnetNetworkFile().createOrLoad(dir, ChainReplayBenchmark.BLOCKTIME);
    Network network = devnet.network();
    ForkJoinPool workers = new ForkJoinPool(2);
    SettableClock clock = new SettableClock(network.epoch());
    long slot = 1000;
    // peers refuse a status whose current slot is below 1 (ARK's schema): start in slot 1000
    clock.set(network.epoch().plusSeconds(slot * ChainReplayBenchmark.BLOCKTIME));
    Map<String, PrivateKey> delegates = new HashMap<>();
    for (GenesisAccount d : devnet.plan().delegates()) {
      delegates.put(d.publicKey(), d.key());
    }
    Map<String, Long> atB = new ConcurrentHashMap<>();
    Map<String, Long> atC = new ConcurrentHashMap<>();
    try (P2pNode a = new P2pNode(network, dir.resolve("a"), workers, clock).startP2p("bench-a", 0);
        P2pNode b =
            new P2pNode(network, dir.resolve("b"), workers, clock)
                .startP2p("bench-b", 0, a.address());
        P2pNode c =
            new P2pNode(network, dir.resolve("c"), workers, clock)
                .startP2p("bench-c", 0, a.address())) {
      b.chain.addListener(recorder(atB));
      c.chain.addListener(recorder(atC));
      while (a.p2p.peers().size() < 2 || b.p2p.peers().size() < 2 || c.p2p.peers().size() < 2) {
        Thread.sleep(50);
      }
      BlockFactory factory = new BlockFactory(new BlockCodec(network));
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < blocks; i++) {
        slot++;
        clock.set(network.epoch().plusSeconds(slot * ChainReplayBenchmark.BLOCKTIME));
        ChainSnapshot tip = a.chain.snapshot();
        List<String> order = tip.nextForgingOrder();
        Block block =
            factory.make(
                tip.height() + 1,
                slot * ChainReplayBenchmark.BLOCKTIME,
                tip.lastBlock().id(),
                network.milestones().at(tip.height() + 1).reward(),
                List.of(),
                delegates.get(order.get((int) (slot % order.size()))));
        long start = System.nanoTime();
        if (!a.chain.submitForged(block).join().isAccepted()) {
          throw new IllegalStateException("block " + block.height() + " refused");
        }
        long deadline = start + 5_000_000_000L;
        while ((!atB.containsKey(block.id()) || !atC.containsKey(block.id()))
            && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        if (!atB.containsKey(block.id()) || !atC.containsKey(block.id())) {
          throw new IllegalStateException("block " + block.height() + " did not reach B and C");
        }
        millis.add((Math.max(atB.get(block.id()), atC.get(block.id())) - start) / 1e6);
        // ARK's postBlock rate is 2 per 4 s per peer: pace the slots, as real slots would
        Thread.sleep(2000);
      }
      Collections.sort(millis);
      System.out.printf(
          "%d blocks, forge-to-applied on the last of B and C: p50 %.1f ms, p95 %.1f ms, max %.1f"
              + " ms%n",
          millis.size(),
          millis.get(millis.size() / 2),
          millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
          millis.get(millis.size() - 1));
    } finally {
      workers.shutdown();
    }
  }

  private static ChainListener recorder(Map<String, Long> at) {
    return new ChainListener() {
      @Override
      public void blockApplied(Block block, AppliedBlockInfo info) {
        at.put(block.id(), System.nanoTime());
      }
    };
  }
}
