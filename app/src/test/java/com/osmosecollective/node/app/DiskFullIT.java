package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.testing.StoreFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 on a real full disk: an {@code osmose devnet} process whose filesystem fills up exits
 * with the disk-full code (10) and says what to do; with room again, the chain restarts at the last
 * committed height and {@code db check} passes. Needs a directory on a filesystem of a few MB,
 * named by {@code -Dosmose.tinyfs=<dir>} or {@code OSMOSE_TINYFS} ({@code .ci/run} mounts a 6 MB
 * tmpfs when it runs as root); skipped otherwise, as storage's DiskFullTest.
 */
class DiskFullIT {
  private static final Pattern FORGED = Pattern.compile("forged block height (\\d+) ");
  private static final Pattern INTACT =
      Pattern.compile("free space and restart; the chain is intact at height (\\d+)");
  private static final Pattern RESUMED = Pattern.compile("chain resumed at height (\\d+) ");

  @TempDir Path logs;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aFullDiskStopsTheNodeWithTheDiskFullCodeAndTheRestartIsAtTheLastCommittedHeight()
      throws Exception {
    String tiny = System.getProperty("osmose.tinyfs", System.getenv("OSMOSE_TINYFS"));
    assumeTrue(
        tiny != null && !tiny.isBlank(),
        "set -Dosmose.tinyfs or OSMOSE_TINYFS to a directory on a filesystem of a few MB");
    Path data = Files.createTempDirectory(Path.of(tiny), "node");
    Path filler = Path.of(tiny).resolve("filler-" + data.getFileName());
    try {
      OsmoseProcess node =
          OsmoseProcess.start(logs.resolve("full.log"), OsmoseProcess.devnetArgs(data, "--no-api"));
      long intact;
      try {
        node.waitFor(FORGED, 2, Duration.ofSeconds(60));
        fill(filler);

        int code = node.waitForExit(Duration.ofSeconds(120));

        assertThat(code).as(node.output()).isEqualTo(10);
        // the first write to meet the full disk is the forger's signed slot or the chain's commit
        assertThat(node.output()).containsPattern("disk full at " + data + "/(forger|chain): ");
        assertThat(node.output()).doesNotContain("cannot forge:");
        intact = node.highest(INTACT);
        assertThat(intact).as(node.output()).isGreaterThanOrEqualTo(node.highest(FORGED));
      } finally {
        node.ensureStopped();
      }

      Files.delete(filler);
      CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(data));
      assertThat(report.problems()).isEmpty();
      assertThat(report.tipHeight()).isEqualTo(intact);
      OsmoseProcess again =
          OsmoseProcess.start(
              logs.resolve("again.log"), OsmoseProcess.devnetArgs(data, "--no-api"));
      try {
        assertThat(again.waitFor(RESUMED, 1, Duration.ofSeconds(60))).isEqualTo(intact);
        again.terminate();
        assertThat(again.waitForExit(Duration.ofSeconds(10))).isZero();
      } finally {
        again.ensureStopped();
      }
    } finally {
      Files.deleteIfExists(filler);
      StoreFiles.deleteTree(data);
    }
  }

  /** Writes zeros to {@code file} until the filesystem has no room left. */
  private static void fill(Path file) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate(4096);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      while (true) {
        zeros.clear();
        channel.write(zeros);
      }
    } catch (IOException full) {
      // no space left: what the test wants
    }
  }
}
