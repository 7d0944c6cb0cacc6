package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.StorageSettings;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command that reads or writes a data dir. */
final class DataDirOption implements Flags.Group {
  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "Data directory (chain database, network file, forger state); default"
              + " ~/.osmose/<network>. Env: OSMOSE_DATA_DIR; file: dataDir.")
  String dataDir;

  @Override
  public void addTo(Flags flags) {
    flags.put(StorageSettings.DATA_DIR, dataDir);
  }
}
