package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Sets up logging for the command about to run: levels per logger from {@code OSMOSE_LOG_LEVELS}
 * for every command, and for the node commands ({@code start}, {@code devnet}) rolling log files in
 * {@code -Dosmose.logDir}, else {@code $OSMOSE_LOG_DIR}, else {@code <data-dir>/logs}.
 */
final class NodeLogging {
  static final String LEVELS_ENV = "OSMOSE_LOG_LEVELS";
  static final String LOG_DIR_ENV = "OSMOSE_LOG_DIR";
  static final String LOG_DIR_PROPERTY = "osmose.logDir";

  private NodeLogging() {}

  /** Runs before the command; a bad level list is a parameter error (one line, exit 2). */
  static void prepare(ParseResult parsed, Function<String, String> getenv) {
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    try {
      LogSetup.applyLevels(LogSetup.parseLevels(getenv.apply(LEVELS_ENV)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          leaf.commandSpec().commandLine(), LEVELS_ENV + ": " + e.getMessage(), e);
    }
    if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
      return;
    }
    logDir(leaf, getenv).ifPresent(dir -> LogSetup.attachFiles(dir, dataDirOf(dir, getenv)));
  }

  /**
   * The directory that must exist before files are written: the data dir for {@code
   * <data-dir>/logs} (the node makes it once its input is accepted), none for a log dir of its own.
   */
  private static Path dataDirOf(Path logDir, Function<String, String> getenv) {
    boolean ownDir =
        notBlank(System.getProperty(LOG_DIR_PROPERTY)) || notBlank(getenv.apply(LOG_DIR_ENV));
    return ownDir ? null : logDir.getParent();
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  /** Where a node command keeps its log files; empty for other commands. */
  static Optional<Path> logDir(ParseResult leaf, Function<String, String> getenv) {
    String command = leaf.commandSpec().name();
    if (!command.equals("start") && !command.equals("devnet")) {
      return Optional.empty();
    }
    String property = System.getProperty(LOG_DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    String env = getenv.apply(LOG_DIR_ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    }
    Path dataDir = optionValue(leaf, "--data-dir", Path.class);
    if (dataDir != null) {
      return dataDir.toString().isBlank() ? Optional.empty() : Optional.of(dataDir.resolve("logs"));
    }
    String network = "devnet";
    if (command.equals("start")) {
      // the node's data dir is named after its network; no files for a network it will refuse
      try {
        Network loaded = new NetworkLoader().load(optionValue(leaf, "--network", String.class));
        if (!loaded.hasGenesisBlock()) {
          return Optional.empty();
        }
        network = loaded.name();
      } catch (NetworkConfigException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of(
        Path.of(System.getProperty("user.home"), ".osmose", network).resolve("logs"));
  }

  private static <T> T optionValue(ParseResult leaf, String name, Class<T> type) {
    OptionSpec option = leaf.commandSpec().findOption(name);
    if (option == null) {
      return null;
    }
    Object value = option.getValue();
    return type.isInstance(value) ? type.cast(value) : null;
  }
}
