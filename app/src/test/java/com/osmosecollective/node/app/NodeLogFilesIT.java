package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code osmose devnet} process writes its log to the console and to data-dir/logs. */
class NodeLogFilesIT {
  @TempDir Path dir;

  @Test
  void theDevnetLogsIntoItsDataDir() throws Exception {
    Path data = dir.resolve("devnet");
    Path console = dir.resolve("console.log");
    ProcessBuilder builder =
        new ProcessBuilder(ChildJava.osmose(OsmoseProcess.devnetArgs(data, "--no-api")));
    builder.redirectErrorStream(true);
    builder.redirectOutput(console.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OSMOSE_"));
    builder.environment().put("OSMOSE_LOG_LEVELS", "com.osmosecollective.node.storage=WARN");
    Process process = builder.start();
    Path file = data.resolve("logs").resolve("osmose.log");
    try {
      await()
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Files.exists(file) && Files.readString(file).contains("forged block height 2 "));
    } finally {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
    String logged = Files.readString(file);
    assertThat(logged)
        .containsPattern(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[[^]]+\\] osmose\\.blocks - forged block height 2 ")
        // the storage package was set to WARN: ChainStore's "chain database ... opened" is out
        .doesNotContain("opened at height");
    assertThat(Files.readString(console)).contains("forged block height 2 ");
  }
}
