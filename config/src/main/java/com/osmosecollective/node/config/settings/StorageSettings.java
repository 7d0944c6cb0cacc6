package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.List;

/** Where the node keeps its data: {@code ~/.osmose/<network>} unless given. */
public record StorageSettings(Setting<Path> dataDir) {
  public static final SettingKey<Path> DATA_DIR =
      SettingKey.path("dataDir", "--data-dir", "OSMOSE_DATA_DIR", Parsers::path);

  public static List<SettingKey<?>> keys() {
    return List.of(DATA_DIR);
  }

  /** The data dir given, else the network's own under the user's home. */
  public static StorageSettings resolve(SettingsSources sources, String networkName) {
    return new StorageSettings(
        sources.resolve(
            DATA_DIR, sources.environment().defaultDataDir(networkName), "~/.osmose/<network>"));
  }

  public Path path() {
    return dataDir.value();
  }
}
