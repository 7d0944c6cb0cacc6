package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10: the first SIGTERM starts an orderly stop; a second one ends the process at once. */
class SignalsIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSecondSignalEndsTheProcessAtOnce() throws Exception {
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(ChildJava.command(List.of(), SignalsChild.class))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.readString(log).contains("ready"));
      child.destroy();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.readString(log).contains("first signal handled"));
      assertThat(child.isAlive()).as("the first signal only asks for a stop").isTrue();

      child.destroy();

      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(Signals.FORCED_EXIT).isEqualTo(130);
      assertThat(Files.readString(log)).contains("SIGTERM received again: stopping at once");
    } finally {
      child.destroyForcibly();
    }
  }
}
