package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 with real {@code osmose devnet} processes: SIGTERM stops the service tree within 10 s
 * with exit 0 and the restart continues from the committed height; SIGKILL at random moments never
 * loses a committed block and always leaves a database that {@code db check} accepts.
 */
class NodeLifecycleIT {
  private static final Pattern FORGED = Pattern.compile("forged block height (\\d+) ");
  private static final Pattern RESUMED = Pattern.compile("chain resumed at height (\\d+) ");
  private static final Pattern STOPPED =
      Pattern.compile("stopped; chain database closed at height (\\d+)");

  @TempDir Path dir;

  private OsmoseProcess devnet(Path data, String logName) throws Exception {
    return OsmoseProcess.start(
        dir.resolve(logName),
        "devnet",
        "--data-dir",
        data.toString(),
        "--blocktime",
        "2",
        // never a fixed port: other nodes on this machine may hold devnet's 4002
        "--p2p-port",
        "0",
        "--api-port",
        "0");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void sigtermWhileForgingStopsWithinTenSecondsWithExitZeroAndTheRestartContinues()
      throws Exception {
    Path data = dir.resolve("devnet");
    OsmoseProcess first = devnet(data, "first.log");
    long forged;
    long stoppedAt;
    try {
      forged = first.waitFor(FORGED, 3, Duration.ofSeconds(60));
      long asked = System.nanoTime();
      first.terminate();
      int code = first.waitForExit(Duration.ofSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - asked);

      assertThat(code).as(first.output()).isZero();
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(first.output()).contains("SIGTERM received: stopping");
      stoppedAt = first.highest(STOPPED);
      assertThat(stoppedAt).as(first.output()).isGreaterThanOrEqualTo(forged);
    } finally {
      first.ensureStopped();
    }
    CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(data));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(stoppedAt);

    OsmoseProcess second = devnet(data, "second.log");
    try {
      assertThat(second.waitFor(RESUMED, 1, Duration.ofSeconds(30))).isEqualTo(stoppedAt);
      second.waitFor(FORGED, stoppedAt + 1, Duration.ofSeconds(30));
      assertThat(second.numbers(FORGED)).allMatch(h -> h > stoppedAt);
      second.terminate();
      assertThat(second.waitForExit(Duration.ofSeconds(10))).isZero();
    } finally {
      second.ensureStopped();
    }
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void sigkillFiveTimesAtRandomMomentsLosesNoCommittedBlock() throws Exception {
    Path data = dir.resolve("devnet");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long committed = 0;
    for (int kill = 1; kill <= 5; kill++) {
      OsmoseProcess node = devnet(data, "run" + kill + ".log");
      long forged;
      try {
        node.waitFor("services running", Duration.ofSeconds(60));
        if (kill > 1) {
          assertThat(node.highest(RESUMED)).as("seed %d, run %d", seed, kill).isEqualTo(committed);
        }
        Duration delay = Duration.ofMillis(random.nextInt(4500));
        Awaitility.await().pollDelay(delay).atMost(delay.plusSeconds(1)).until(() -> true);
        forged = node.highest(FORGED);
        node.kill();
      } finally {
        node.ensureStopped();
      }
      CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(data));
      assertThat(report.problems()).as("seed %d, kill %d", seed, kill).isEmpty();
      assertThat(report.tipHeight())
          .as("seed %d, kill %d: every block logged as forged was committed", seed, kill)
          .isGreaterThanOrEqualTo(Math.max(forged, committed));
      committed = report.tipHeight();
    }
    assertThat(committed).isGreaterThan(1);
  }
}
