package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: SIGTERM during a 10,000-block {@code osmose db replay} ends it within 10 s with exit 0
 * at a committed height that {@code db check} accepts, and {@code --resume} continues from there to
 * the end.
 */
class ReplaySignalIT {
  private static final long HEIGHT = 10_000;
  private static final Pattern PROGRESS = Pattern.compile("replay at height (\\d+) of");
  private static final Pattern STOPPED =
      Pattern.compile("STOPPED by a signal at height (\\d+): run the same command with --resume");

  @TempDir static Path shared;
  static Path source;

  @TempDir Path dir;

  @BeforeAll
  static void forgeTheSource() throws Exception {
    source = shared.resolve("source");
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(source, 3);
    long started = System.nanoTime();
    DevnetChains.forge(source, devnet, 1000, HEIGHT);
    System.out.printf(
        "forged the %d-block source in %d s%n",
        HEIGHT, Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private OsmoseProcess replay(Path target, String logName, String... more) throws Exception {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "db",
                "replay",
                "--source",
                source.toString(),
                "--data-dir",
                target.toString(),
                "--verify-signatures",
                "--progress-seconds",
                "0.2"));
    args.addAll(java.util.List.of(more));
    return OsmoseProcess.start(dir.resolve(logName), args.toArray(String[]::new));
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void sigtermDuringAReplayExitsZeroWithinTenSecondsAndResumeFinishesIt() throws Exception {
    Path target = dir.resolve("target");
    OsmoseProcess first = replay(target, "first.log");
    long stoppedAt;
    try {
      first.waitFor(PROGRESS, 500, Duration.ofSeconds(120));
      long asked = System.nanoTime();
      first.terminate();
      int code = first.waitForExit(Duration.ofSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - asked);

      assertThat(code).as(first.output()).isZero();
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      stoppedAt = first.highest(STOPPED);
      assertThat(stoppedAt).as(first.output()).isBetween(500L, HEIGHT - 1);
    } finally {
      first.ensureStopped();
    }
    CheckReport interrupted = DatabaseChecker.check(StoreOptions.inDataDir(target));
    assertThat(interrupted.problems()).isEmpty();
    assertThat(interrupted.tipHeight()).isEqualTo(stoppedAt);

    OsmoseProcess resumed = replay(target, "resumed.log", "--resume");
    try {
      assertThat(resumed.waitForExit(Duration.ofSeconds(240))).as(resumed.output()).isZero();
      assertThat(resumed.output())
          .contains("replaying blocks " + (stoppedAt + 1) + ".." + HEIGHT)
          .contains("holds the chain up to height " + HEIGHT);
    } finally {
      resumed.ensureStopped();
    }
    CheckReport done = DatabaseChecker.check(StoreOptions.inDataDir(target));
    assertThat(done.problems()).isEmpty();
    assertThat(done.tipHeight()).isEqualTo(HEIGHT);
  }
}
