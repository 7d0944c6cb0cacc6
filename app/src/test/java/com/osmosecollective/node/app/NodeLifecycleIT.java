package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 with real {@code osmose devnet} processes: SIGTERM stops the service tree within 10 s
 * with exit 0 and the restart continues from the committed height (SIGKILL is {@link
 * NodeSigkillIT}'s).
 */
class NodeLifecycleIT {
  private static final Pattern FORGED = Pattern.compile("forged block height (\\d+) ");
  private static final Pattern RESUMED = Pattern.compile("chain resumed at height (\\d+) ");
  private static final Pattern STOPPED =
      Pattern.compile("stopped; chain database closed at height (\\d+)");

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void sigtermWhileForgingStopsWithinTenSecondsWithExitZeroAndTheRestartContinues()
      throws Exception {
    Path data = dir.resolve("devnet");
    OsmoseProcess first = OsmoseProcess.devnet(data, dir.resolve("first.log"));
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

    OsmoseProcess second = OsmoseProcess.devnet(data, dir.resolve("second.log"));
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
}
