package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's logging: the root level (logback.xml's INFO unless given), levels per logger
 * (package), and the directory of the rolling log files ({@code <data-dir>/logs} unless given).
 */
public record LoggingSettings(
    Setting<Optional<String>> level,
    Setting<Map<String, String>> levels,
    Setting<Optional<Path>> dir) {
  public static final SettingKey<Optional<String>> LEVEL =
      SettingKey.of(
          "logging.level", "--log-level", "OSMOSE_LOG_LEVEL", t -> Optional.of(Parsers.level(t)));
  public static final SettingKey<Map<String, String>> LEVELS =
      SettingKey.of("logging.levels", "--log-levels", "OSMOSE_LOG_LEVELS", Parsers::levels);
  public static final SettingKey<Optional<Path>> DIR =
      SettingKey.path(
          "logging.dir", "--log-dir", "OSMOSE_LOG_DIR", t -> Optional.of(Parsers.path(t)));

  public static List<SettingKey<?>> keys() {
    return List.of(LEVEL, LEVELS, DIR);
  }

  public static LoggingSettings resolve(SettingsSources sources) {
    return new LoggingSettings(
        sources.resolve(LEVEL, Optional.empty(), "INFO"),
        sources.resolve(LEVELS, Map.of(), ""),
        sources.resolve(DIR, Optional.empty(), "<data-dir>/logs"));
  }

  /** Where the log files go for a node whose data dir is {@code dataDir}. */
  public Path logDir(Path dataDir) {
    return dir.value() != null && dir.value().isPresent()
        ? dir.value().get()
        : dataDir.resolve("logs");
  }

  /** Whether the log files have a directory of their own (not inside the data dir). */
  public boolean ownDir() {
    return dir.value() != null && dir.value().isPresent();
  }
}
