package com.osmosecollective.node.storage;

import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyIT}: continues the random chain of a database, mixing
 * durable and bulk commits, and prints {@code tip <height>} each time a write completes, until it
 * is killed.
 */
public final class CrashChild {
  static final RandomChain.Settings SETTINGS = new RandomChain.Settings(11, 120, 12, 12, true);

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    StoreOptions options = StoreOptions.defaults(Path.of(args[0])).withBulkBatchBlocks(8);
    try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
      RandomChain chain = RandomChain.resume(SETTINGS, store.queries());
      System.out.println("ready");
      System.out.flush();
      Random random = new Random();
      long printed = -1;
      while (true) {
        BlockCommit commit = chain.next();
        if (random.nextInt(4) == 0) {
          store.commit(commit);
        } else {
          store.commitBulk(commit);
        }
        long tip = store.tip().map(ChainTip::height).orElse(0L);
        if (tip != printed) {
          System.out.println("tip " + tip);
          System.out.flush();
          printed = tip;
        }
        Thread.sleep(3);
      }
    }
  }
}
