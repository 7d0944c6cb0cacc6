package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.LoggingSettings;
import picocli.CommandLine.Option;

/** The node's log levels and log file directory. */
final class LoggingOptions implements Flags.Group {
  @Option(
      names = "--log-level",
      paramLabel = "<level>",
      description =
          "Root log level: TRACE, DEBUG, INFO (default), WARN, ERROR, OFF. Env: OSMOSE_LOG_LEVEL;"
              + " file: logging.level.")
  String level;

  @Option(
      names = "--log-levels",
      paramLabel = "<logger=LEVEL,...>",
      description =
          "Levels per logger (package), e.g. com.osmosecollective.node.p2p=DEBUG. Env:"
              + " OSMOSE_LOG_LEVELS; file: logging.levels (a mapping).")
  String levels;

  @Option(
      names = "--log-dir",
      paramLabel = "<dir>",
      description =
          "Directory of the rolling log files (default <data-dir>/logs). Env: OSMOSE_LOG_DIR;"
              + " file: logging.dir.")
  String dir;

  @Override
  public void addTo(Flags flags) {
    flags
        .put(LoggingSettings.LEVEL, level)
        .put(LoggingSettings.LEVELS, levels)
        .put(LoggingSettings.DIR, dir);
  }
}
