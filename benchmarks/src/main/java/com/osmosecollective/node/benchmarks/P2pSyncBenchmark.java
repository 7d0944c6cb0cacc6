package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sync from one peer over loopback (plain main; see BENCHMARKS.md): a devnet chain of {@code
 * blocks} blocks with {@code transactions} transfers each is built live in {@code <dir>/source},
 * served by its P2P service; a fresh node seeded with it syncs until its tip is the source's. Timed
 * from the syncing node's start to that tip: acceptance, getBlocks over WebSocket, decoding, every
 * signature verified (Chain.replay FULL) and the bulk commits. The heap of this one JVM (both
 * nodes) is sampled every 50 ms.
 *
 * <p>Usage: {@code P2pSyncBenchmark <dir> <blocks> <transactionsPerBlock> [getBlocksPerSecond]}
 * (default 1000: ARK's own rate of one getBlocks per 2 s would cap one peer at 200 blocks/s).
 */
public final class P2pSyncBenchmark {
  private P2pSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: P2pSyncBenchmark <dir> <blocks> <transactionsPerBlock> [getBlocksPerSecond]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int blocks = Integer.parseInt(args[1]);
    int perBlock = Integer.parseInt(args[2]);
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Files.createDirectories(dir);
    DevnetNetworkFile.Devnet devnet =
        new DevnetNetworkFile().createOrLoad(dir, ChainReplayBenchmark.BLOCKTIME);
    Network network = devnet.network();
    ForkJoinPool workers = new ForkJoinPool(2);
    SettableClock clock = new SettableClock(network.epoch());
    try (P2pNode source = new P2pNode(network, dir.resolve("source"), workers, clock)) {
      long built = System.nanoTime();
      ChainReplayBenchmark.build(source.chain, devnet, network, clock, blocks, perBlock);
      System.out.printf(
          "built %d blocks live in %.1f s%n",
          source.chain.snapshot().height() - 1, (System.nanoTime() - built) / 1e9);
      source.startP2p("bench-source", rate);
      System.gc();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      AtomicLong maxHeap = new AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      String target = source.chain.snapshot().lastBlock().id();
      long start = System.nanoTime();
      sampler.start();
      try (P2pNode syncing = new P2pNode(network, dir.resolve("sync"), workers, clock)) {
        syncing.startP2p("bench-syncing", rate, source.address());
        long firstBlock = 0;
        while (!syncing.chain.snapshot().lastBlock().id().equals(target)) {
          if (firstBlock == 0 && syncing.chain.snapshot().height() > 1) {
            firstBlock = System.nanoTime();
          }
          Thread.sleep(5);
        }
        System.out.printf(
            "first block applied %.2f s after the start (acceptance of the peer)%n",
            (firstBlock - start) / 1e9);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long applied = syncing.chain.snapshot().height() - 1;
        System.out.printf(
            "synced %d blocks (%d transactions) from one peer in %.2f s: %.0f blocks/s, %.0f tx/s;"
                + " max heap used %d MB (-Xmx %d MB)%n",
            applied,
            applied * perBlock,
            seconds,
            applied / seconds,
            applied * perBlock / seconds,
            maxHeap.get() >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
      }
    } finally {
      workers.shutdown();
    }
  }
}
