package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.osmosecollective.node.config.settings.Environment;
import com.osmosecollective.node.config.settings.LoggingSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class NodeLoggingTest {
  @TempDir Path dir;

  private LoggingSettings logging(Map<String, String> flags, Map<String, String> env)
      throws Exception {
    SettingsSources sources = SettingsSources.open(flags, Environment.of(env, dir));
    LoggingSettings settings = LoggingSettings.resolve(sources);
    sources.requireValid();
    return settings;
  }

  @Test
  void nodeCommandsLogIntoTheirDataDirOrTheGivenLogDir() throws Exception {
    Path data = dir.resolve("data");
    assertThat(NodeLogging.logDir(logging(Map.of(), Map.of()), data))
        .isEqualTo(data.resolve("logs"));
    assertThat(
            NodeLogging.logDir(
                logging(Map.of(), Map.of("OSMOSE_LOG_DIR", "/var/log/osmose")), data))
        .isEqualTo(Path.of("/var/log/osmose"));
    // the flag wins over the environment
    assertThat(
            NodeLogging.logDir(
                logging(
                    Map.of("logging.dir", "/srv/logs"),
                    Map.of("OSMOSE_LOG_DIR", "/var/log/osmose")),
                data))
        .isEqualTo(Path.of("/srv/logs"));
  }

  @Test
  void aNodeCommandAppliesItsLevelsFromItsSettings() throws Exception {
    Logger storage = (Logger) LoggerFactory.getLogger("com.osmosecollective.node.storage");
    try {
      NodeLogging.attach(
          logging(Map.of("logging.levels", "com.osmosecollective.node.storage=ERROR"), Map.of()),
          dir.resolve("data"));
      assertThat(storage.getLevel()).isEqualTo(Level.ERROR);
      assertThat(dir.resolve("data")).as("logging creates no data dir").doesNotExist();
    } finally {
      storage.setLevel(null);
      LogSetup.detachFiles();
    }
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
          .hasMessageContaining("OSMOSE_LOG_LEVELS has log level 'osmose.blocks=LOUD'");
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
