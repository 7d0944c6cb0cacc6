package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class NodeLoggingTest {
  @TempDir Path dir;

  private static ParseResult leaf(String... args) {
    ParseResult parsed = CommandLines.create().parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed;
  }

  @Test
  void nodeCommandsLogIntoTheirDataDirOrTheGivenLogDir() {
    Map<String, String> none = Map.of();
    assertThat(NodeLogging.logDir(leaf("devnet", "--data-dir", dir.toString()), none::get))
        .contains(dir.resolve("logs"));
    assertThat(
            NodeLogging.logDir(
                leaf("start", "--network", "testnet", "--data-dir", dir.toString()), none::get))
        .contains(dir.resolve("logs"));
    assertThat(NodeLogging.logDir(leaf("start", "--network", "testnet"), none::get))
        .contains(Path.of(System.getProperty("user.home"), ".osmose", "testnet", "logs"));
    Map<String, String> env = Map.of("OSMOSE_LOG_DIR", "/var/log/osmose");
    assertThat(NodeLogging.logDir(leaf("devnet"), env::get)).contains(Path.of("/var/log/osmose"));
    // tools log to the console only; a network the node refuses gets no files either
    assertThat(NodeLogging.logDir(leaf("economics"), none::get)).isEmpty();
    assertThat(NodeLogging.logDir(leaf("start", "--network", "mainnet"), none::get))
        .isEqualTo(Optional.empty());
  }

  @Test
  void levelsPerLoggerComeFromTheEnvironmentAndBadOnesAreRefused() {
    Logger p2p = (Logger) LoggerFactory.getLogger("com.osmosecollective.node.p2p");
    Logger blocks = (Logger) LoggerFactory.getLogger("osmose.blocks");
    try {
      Map<String, String> env =
          Map.of("OSMOSE_LOG_LEVELS", "com.osmosecollective.node.p2p=debug, osmose.blocks=WARN");
      NodeLogging.prepare(CommandLines.create().parseArgs("economics"), env::get);
      assertThat(p2p.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(blocks.getLevel()).isEqualTo(Level.WARN);

      Map<String, String> bad = Map.of("OSMOSE_LOG_LEVELS", "osmose.blocks=LOUD");
      assertThatThrownBy(
              () -> NodeLogging.prepare(CommandLines.create().parseArgs("economics"), bad::get))
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessageContaining("OSMOSE_LOG_LEVELS: log level 'osmose.blocks=LOUD'");
      CliRun run = CliRun.of("economics", "--years", "1");
      assertThat(run.exitCode()).isZero(); // the real environment has no bad list
    } finally {
      p2p.setLevel(null);
      blocks.setLevel(null);
    }
  }

  @Test
  void theFileAppenderWritesIntoTheLogDir() throws Exception {
    try {
      LogSetup.attachFiles(dir.resolve("earlier"), null); // a node command run before in this JVM
      Path data = dir.resolve("data");
      Path file = LogSetup.attachFiles(data.resolve("logs"), data);
      assertThat(LogSetup.attachFiles(data.resolve("logs"), data)).isEqualTo(file);
      LoggerFactory.getLogger("osmose.test").warn("before the data dir exists");
      assertThat(data).as("logging creates no data dir").doesNotExist();
      Files.createDirectories(data); // as the node does once its input is accepted
      LoggerFactory.getLogger("osmose.test").warn("a line for the file");
      assertThat(file).exists();
      assertThat(Files.readString(file)).doesNotContain("before the data dir exists");
      assertThat(Files.readString(file))
          .contains("WARN")
          .contains("osmose.test - a line for the file");
    } finally {
      LogSetup.detachFiles();
    }
  }
}
