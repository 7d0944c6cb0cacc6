package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.LoggingSettings;
import com.osmosecollective.node.config.settings.Parsers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Sets up logging: before every command, levels per logger from {@code OSMOSE_LOG_LEVELS}; for the
 * node commands ({@code start}, {@code devnet}), once their settings are resolved, the levels of
 * their {@link LoggingSettings} and rolling log files in {@code -Dosmose.logDir}, else the
 * settings' log dir ({@code --log-dir}, {@code OSMOSE_LOG_DIR}, {@code logging.dir}), else {@code
 * <data-dir>/logs}.
 */
final class NodeLogging {
  static final String LEVELS_ENV = "OSMOSE_LOG_LEVELS";
  static final String LOG_DIR_PROPERTY = "osmose.logDir";

  private NodeLogging() {}

  /** Runs before the command; a bad level list is a parameter error (one line, exit 2). */
  static void prepare(ParseResult parsed, Function<String, String> getenv) {
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    String levels = getenv.apply(LEVELS_ENV);
    try {
      LogSetup.applyLevels(levels == null ? Map.of() : Parsers.levels(levels));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          leaf.commandSpec().commandLine(), LEVELS_ENV + " " + e.getMessage(), e);
    }
  }

  /**
   * Applies a node's logging settings and adds its log files; they are opened once {@code dataDir}
   * exists (or at once in a log dir of its own), so a node that refuses its input leaves nothing
   * behind.
   *
   * @return the log file
   */
  static Path attach(LoggingSettings logging, Path dataDir) {
    Map<String, String> levels = new LinkedHashMap<>();
    logging.level().value().ifPresent(level -> levels.put("root", level));
    levels.putAll(logging.levels().value());
    LogSetup.applyLevels(levels);
    String property = System.getProperty(LOG_DIR_PROPERTY);
    boolean ownDir = (property != null && !property.isBlank()) || logging.ownDir();
    return LogSetup.attachFiles(logDir(logging, dataDir), ownDir ? null : dataDir);
  }

  /** Where a node whose data dir is {@code dataDir} writes its log files. */
  static Path logDir(LoggingSettings logging, Path dataDir) {
    String property = System.getProperty(LOG_DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return logging.logDir(dataDir);
  }
}
