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
 * Issue #10 with real {@code osmose devnet} processes: SIGKILL at random moments never loses a
 * committed block and always leaves a database that {@code db check} accepts.
 */
class NodeSigkillIT {
  private static final Pattern FORGED = Pattern.compile("forged block height (\\d+) ");
  private static final Pattern RESUMED = Pattern.compile("chain resumed at height (\\d+) ");

  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void sigkillFiveTimesAtRandomMomentsLosesNoCommittedBlock() throws Exception {
    Path data = dir.resolve("devnet");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long committed = 0;
    for (int kill = 1; kill <= 5; kill++) {
      OsmoseProcess node = OsmoseProcess.devnet(data, dir.resolve("run" + kill + ".log"));
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
