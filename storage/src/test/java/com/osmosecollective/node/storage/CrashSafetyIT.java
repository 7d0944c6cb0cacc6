package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.storage.testing.RandomChain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a committing child JVM with SIGKILL at random moments; after each kill the database must
 * pass the checker, and its tip must be a fully committed block no older than the last one the
 * child reported written.
 */
class CrashSafetyIT {
  // every trial runs, however loaded the machine: the count is the test, not a time budget
  private static final int TRIALS = 16;
  // two databases killed side by side, half of the trials each: a child mostly starts up and
  // waits, so two lanes take the time of one
  private static final int LANES = 2;

  @TempDir Path dir;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void databaseIsConsistentAfterEverySigkill() throws Exception {
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<Long>> tips = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        Path db = dir.resolve("chain-" + lane);
        tips.add(lanes.submit(() -> killRepeatedly(db, TRIALS / LANES)));
      }
      for (Future<Long> tip : tips) {
        assertThat(tip.get()).as("the child made progress").isGreaterThan(TRIALS / LANES);
      }
    } finally {
      lanes.shutdownNow();
    }
  }

  /** {@code trials} kills of a child committing to {@code db}; returns the last tip. */
  private static long killRepeatedly(Path db, int trials) throws Exception {
    StoreOptions options = StoreOptions.defaults(db);
    ChainStore.open(options, ChainStoreTest.NETHASH).close();
    Random random = new Random();
    int done = 0;
    long lastTip = 0;
    while (done < trials) {
      AtomicLong acknowledged = new AtomicLong(-1);
      CountDownLatch ready = new CountDownLatch(1);
      Process child = startChild(db);
      Thread reader = readTips(child, acknowledged, ready);
      if (random.nextInt(10) == 0) {
        // sometimes during start-up and recovery
        Thread.sleep(random.nextInt(400));
      } else {
        // mostly while committing: timed from the child's readiness, so a slow start-up on a
        // loaded machine does not eat the committing time
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("child ready").isTrue();
        Thread.sleep(50 + random.nextInt(900));
      }
      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      reader.join(5000);
      done++;

      CheckReport report = DatabaseChecker.check(options);
      assertThat(report.problems()).as("%s, trial %d", db, done).isEmpty();
      long tip = report.tipHeight();
      assertThat(tip)
          .as("%s, tip after trial %d", db, done)
          .isGreaterThanOrEqualTo(acknowledged.get());
      assertThat(tip).isGreaterThanOrEqualTo(lastTip);
      if (tip > 0) {
        try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
          BlockData block = store.queries().block(tip).orElseThrow();
          long seed = CrashChild.SETTINGS.seed();
          assertThat(block.id()).isEqualTo(RandomChain.blockId(seed, tip));
          assertThat(block.serialized()).isEqualTo(RandomChain.blockBytes(seed, tip));
        }
      }
      lastTip = tip;
    }
    return lastTip;
  }

  private static Process startChild(Path db) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            db.toString());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static Thread readTips(Process child, AtomicLong acknowledged, CountDownLatch ready) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line; (line = in.readLine()) != null; ) {
                  if (line.equals("ready")) {
                    ready.countDown();
                  } else if (line.startsWith("tip ")) {
                    acknowledged.set(Long.parseLong(line.substring(4).trim()));
                  }
                }
              } catch (Exception ignored) {
                // the child was killed mid-line
              }
            });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
