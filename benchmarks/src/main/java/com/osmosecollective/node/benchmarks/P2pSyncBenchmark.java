package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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
      long existing = source.chain.snapshot().height() - 1;
      if (existing == 0) {
        ChainReplayBenchmark.build(source.chain, devnet, network, clock, blocks, perBlock);
        System.out.printf(
            "built %d blocks live in %.1f s%n",
            source.chain.snapshot().height() - 1, (System.nanoTime() - built) / 1e9);
      } else if (existing == blocks) {
        // Rerun on the source a previous run built: only the syncing node starts afresh.
        clock.set(network.epoch().plusSeconds(source.chain.snapshot().lastBlock().timestamp()));
        System.out.printf("reusing the %d blocks of %s%n", existing, dir.resolve("source"));
      } else {
        throw new IllegalStateException(
            dir.resolve("source") + " holds " + existing + " blocks, not " + blocks);
      }
      deleteTree(dir.resolve("sync"));
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
      Map<String, Long> cpuBefore = cpuByThreadGroup();
      long gcBefore = gcMillis();
      long start = System.nanoTime();
      sampler.start();
      try (P2pNode syncing = new P2pNode(network, dir.resolve("sync"), workers, clock)) {
        syncing.startP2p("bench-syncing", rate, source.address());
        long firstBlock = 0;
        long halfway = 0;
        long halfwayHeight = 0;
        while (!syncing.chain.snapshot().lastBlock().id().equals(target)) {
          long height = syncing.chain.snapshot().height();
          if (firstBlock == 0 && height > 1) {
            firstBlock = System.nanoTime();
          }
          if (halfway == 0 && height > 1 + blocks / 2) {
            halfway = System.nanoTime();
            halfwayHeight = height;
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
        // The first half carries the JIT's compilations (C2 alone spends seconds of CPU on the
        // two cores); the second half is the rate a long sync keeps.
        double secondHalf = (System.nanoTime() - halfway) / 1e9;
        long secondHalfBlocks = syncing.chain.snapshot().height() - halfwayHeight;
        System.out.printf(
            "second half (blocks %d to %d): %.2f s, %.0f blocks/s, %.0f tx/s%n",
            halfwayHeight,
            syncing.chain.snapshot().height(),
            secondHalf,
            secondHalfBlocks / secondHalf,
            secondHalfBlocks * perBlock / secondHalf);
        // CPU time is the figure that survives a shared machine: 2 cores / (CPU per tx) bounds it.
        Map<String, Long> cpu = cpuByThreadGroup();
        cpu.replaceAll((name, nanos) -> nanos - cpuBefore.getOrDefault(name, 0L));
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
            "CPU of this JVM's threads during the sync: %.2f s (%.1f µs per transaction), GC pauses"
                + " %.2f s; by thread: %s%n",
            total / 1e9,
            perBlock == 0 ? 0.0 : total / 1e3 / (applied * perBlock),
            (gcMillis() - gcBefore) / 1e3,
            cpu.entrySet().stream()
                .filter(e -> e.getValue() > 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .toList());
      }
    } finally {
      workers.shutdown();
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  /** CPU nanoseconds of the live threads, summed by name with the digits removed. */
  private static Map<String, Long> cpuByThreadGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
      if (nanos > 0 && info != null) {
        out.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos, Long::sum);
      }
    }
    return out;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
