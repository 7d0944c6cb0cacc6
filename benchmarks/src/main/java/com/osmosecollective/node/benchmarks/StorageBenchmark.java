package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage benchmarks (plain main; see BENCHMARKS.md for commands and figures):
 *
 * <ul>
 *   <li>{@code commit <dir> bulk|durable <blocks>}: commit rate of 150-transaction blocks;
 *   <li>{@code fsync <dir> <blocks>}: a live commit with and without its fsync, alternately;
 *   <li>{@code build <dir> <blocks> <wallets>}: bulk-loads a large database;
 *   <li>{@code open <dir>}: open + tip + current round, then a full wallet load with its heap;
 *   <li>{@code query <dir>}: pages of 100 at page 1 and page 5000 of the transaction lists.
 * </ul>
 */
public final class StorageBenchmark {
  static final String NETHASH = "be".repeat(32);
  private static final int TX_PER_BLOCK = 150;
  private static final int CHUNK = 100;

  private StorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "commit" -> commit(dir, args[2].equals("durable"), Integer.parseInt(args[3]));
      case "fsync" -> fsyncSplit(dir, Integer.parseInt(args[2]));
      case "build" -> build(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "open" -> open(dir);
      case "query" -> query(dir);
      default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
    }
  }

  private static ChainStore store(Path dir) throws StoreOpenException {
    return ChainStore.open(StoreOptions.defaults(dir), NETHASH);
  }

  /** Commits blocks of 150 transfers among 100,000 accounts; generation is not timed. */
  static void commit(Path dir, boolean durable, int blocks) throws Exception {
    SyntheticChain chain = new SyntheticChain(100_000);
    try (ChainStore store =
        ChainStore.open(StoreOptions.defaults(dir).withBulkBatchBlocks(CHUNK), NETHASH)) {
      store.commit(chain.next(0, 0, -1));
      // fund the accounts first so later blocks touch existing wallets, as on a live chain
      while (chain.funded() < chain.accounts()) {
        store.commitBulk(chain.next(TX_PER_BLOCK, TX_PER_BLOCK, -1));
      }
      store.sync();
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuNanos = 0;
      long nanos = 0;
      long writeNanos = 0;
      int done = 0;
      while (done < blocks) {
        List<BlockCommit> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < CHUNK && done + i < blocks; i++) {
          chunk.add(chain.next(TX_PER_BLOCK, 0, -1));
        }
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < chunk.size(); i++) {
          if (durable) {
            store.commit(chunk.get(i));
          } else if (i < chunk.size() - 1) {
            store.commitBulk(chunk.get(i));
          } else {
            // the last block of the chunk completes the batch: time the write separately
            long beforeWrite = System.nanoTime();
            store.commitBulk(chunk.get(i));
            store.flush();
            writeNanos += System.nanoTime() - beforeWrite;
          }
        }
        nanos += System.nanoTime() - start;
        cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
        done += chunk.size();
      }
      double seconds = nanos / 1e9;
      System.out.printf(
          "commit %s: %d blocks of %d tx in %.2f s = %.0f blocks/s, %.0f tx/s%n",
          durable ? "durable (fsync per block)" : "bulk (WAL, grouped)",
          blocks,
          TX_PER_BLOCK,
          seconds,
          blocks / seconds,
          blocks * (double) TX_PER_BLOCK / seconds);
      System.out.printf(
          "  committing thread CPU time %.2f s = %.0f blocks per CPU-second (machine load %.1f)%n",
          cpuNanos / 1e9,
          blocks / (cpuNanos / 1e9),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      if (!durable) {
        System.out.printf(
            "  of which batch writes (with the chunk's last block): %.2f s%n", writeNanos / 1e9);
      }
    }
  }

  /**
   * The fsync's share of a live commit: 150-transaction blocks committed one per batch, alternately
   * with {@code commit} (write + fsync) and with {@code commitBulk} + {@code flush} (the same
   * write, WAL not synced); the difference of the medians is the fsync alone.
   */
  static void fsyncSplit(Path dir, int blocks) throws Exception {
    SyntheticChain chain = new SyntheticChain(10_000);
    try (ChainStore store = store(dir)) {
      store.commit(chain.next(0, 0, -1));
      while (chain.funded() < chain.accounts()) {
        store.commitBulk(chain.next(TX_PER_BLOCK, TX_PER_BLOCK, -1));
      }
      store.sync();
      long[] synced = new long[blocks / 2];
      long[] unsynced = new long[blocks / 2];
      for (int i = 0; i < blocks / 2 * 2; i++) {
        BlockCommit block = chain.next(TX_PER_BLOCK, 0, -1);
        long start = System.nanoTime();
        if (i % 2 == 0) {
          store.commit(block);
          synced[i / 2] = System.nanoTime() - start;
        } else {
          store.commitBulk(block);
          store.flush();
          unsynced[i / 2] = System.nanoTime() - start;
        }
      }
      java.util.Arrays.sort(synced);
      java.util.Arrays.sort(unsynced);
      double withSync = synced[synced.length / 2] / 1e6;
      double without = unsynced[unsynced.length / 2] / 1e6;
      System.out.printf(
          "150-tx block commit, median of %d each: with fsync %.2f ms, without %.2f ms, fsync alone"
              + " %.2f ms (p90 %.2f / %.2f ms; machine load %.1f)%n",
          synced.length,
          withSync,
          without,
          withSync - without,
          synced[synced.length * 9 / 10] / 1e6,
          unsynced[unsynced.length * 9 / 10] / 1e6,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Bulk-loads {@code blocks} blocks creating {@code wallets} wallets (100 per early block). */
  static void build(Path dir, int blocks, int wallets) throws Exception {
    SyntheticChain chain = new SyntheticChain(wallets);
    long start = System.nanoTime();
    try (ChainStore store =
        ChainStore.open(StoreOptions.defaults(dir).withBulkBatchBlocks(500), NETHASH)) {
      store.commit(chain.next(0, 0, -1));
      for (int h = 2; h <= blocks; h++) {
        boolean funding = chain.funded() < chain.accounts();
        store.commitBulk(funding ? chain.next(100, 100, -1) : chain.next(1, 0, -1));
        if (h % 100_000 == 0) {
          System.out.printf(
              "built %d blocks, %d wallets, %.0f s%n",
              h, chain.funded(), (System.nanoTime() - start) / 1e9);
        }
      }
    }
    System.out.printf(
        "built %d blocks and %d wallets in %.0f s%n",
        blocks, chain.funded(), (System.nanoTime() - start) / 1e9);
  }

  /** Cold open + tip + round, then a full wallet load into a map with the heap it takes. */
  static void open(Path dir) throws Exception {
    long start = System.nanoTime();
    try (ChainStore store = store(dir)) {
      ChainTip tip = store.tip().orElseThrow();
      long round = (tip.height() - 1) / 51 + 1;
      Optional<?> delegates = store.queries().round(round);
      Optional<Wallet> forger = store.queries().wallet(SyntheticChain.address(0));
      double openSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "open + tip %d + round %d (%s) + a wallet (%s): %.3f s%n",
          tip.height(),
          round,
          delegates.isPresent() ? "present" : "not stored by the loader",
          forger.isPresent() ? "found" : "missing",
          openSeconds);
      long heapBefore = usedHeap();
      long loadStart = System.nanoTime();
      Map<String, Wallet> wallets = new HashMap<>();
      store.queries().forEachWallet(w -> wallets.put(w.address(), w));
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long heapAfter = usedHeap();
      System.out.printf(
          "full wallet load: %d wallets in %.2f s, %.0f bytes of heap per wallet (map included)%n",
          wallets.size(), loadSeconds, (heapAfter - heapBefore) / (double) wallets.size());
      System.out.printf("open + full load: %.2f s%n", openSeconds + loadSeconds);
    }
  }

  /**
   * Builds a chain whose hot address has 500,000 transactions (5,000 blocks of 100), then times
   * pages of 100 at the top and at the depth of ARK's {@code page=5000}: all transactions, the
   * address's (either side), its sent ones, and the blocks of one generator.
   */
  static void query(Path dir) throws Exception {
    SyntheticChain chain = new SyntheticChain(10_000);
    int hot = 100;
    int hotBlocks = 5_000;
    try (ChainStore store = store(dir)) {
      if (store.tip().isEmpty()) {
        store.commit(chain.next(0, 0, -1));
        while (chain.funded() < chain.accounts()) {
          store.commitBulk(chain.next(100, 100, -1));
        }
        // each block: 100 transfers, all to or from the hot address
        for (int i = 0; i < hotBlocks; i++) {
          store.commitBulk(chain.next(100, 0, hot));
        }
        store.sync();
      }
      String address = SyntheticChain.address(hot);
      String generator =
          store
              .queries()
              .block(store.tip().orElseThrow().height())
              .orElseThrow()
              .generatorPublicKey();
      Map<String, java.util.function.IntSupplier> lists = new java.util.LinkedHashMap<>();
      int deep = 499_900;
      for (int offset : new int[] {0, deep}) {
        String at = offset == 0 ? "page 1" : "page 5000";
        lists.put(
            "all transactions, " + at,
            () ->
                store.queries().transactions(PageRequest.newestFirst(offset, 100)).items().size());
        lists.put(
            "address (either side), " + at,
            () ->
                store
                    .queries()
                    .transactionsByAddress(address, PageRequest.newestFirst(offset, 100))
                    .items()
                    .size());
        // about half of the hot address's transactions are its own
        lists.put(
            "address sent, " + (offset == 0 ? "page 1" : "offset 249,950"),
            () ->
                store
                    .queries()
                    .transactionsBySender(address, PageRequest.newestFirst(offset / 2, 100))
                    .items()
                    .size());
      }
      lists.put(
          "generator blocks, page 1",
          () ->
              store
                  .queries()
                  .blocksByGenerator(generator, PageRequest.newestFirst(0, 100))
                  .items()
                  .size());
      lists.put(
          "generator blocks, last page",
          () ->
              store
                  .queries()
                  .blocksByGenerator(generator, PageRequest.oldestFirst(0, 100))
                  .items()
                  .size());
      for (Map.Entry<String, java.util.function.IntSupplier> e : lists.entrySet()) {
        int runs = e.getKey().contains("5000") ? 50 : 1000;
        long[] times = new long[runs];
        int count = 0;
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          count = e.getValue().getAsInt();
          times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(
            "%-40s %3d items: median %8.3f ms, p90 %8.3f ms%n",
            e.getKey(), count, times[runs / 2] / 1e6, times[runs * 9 / 10] / 1e6);
      }
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static boolean exists(Path dir) {
    return Files.exists(dir.resolve("CURRENT"));
  }
}
