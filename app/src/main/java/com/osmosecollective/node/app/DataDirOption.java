package com.osmosecollective.node.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, also from {@code OSMOSE_DATA_DIR}; each command picks its own default. */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      defaultValue = "${env:OSMOSE_DATA_DIR}",
      description =
          "Data directory (chain database, network file, forger state). Env: OSMOSE_DATA_DIR.")
  Path dataDir;

  Path orDefault(String name) {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".osmose", name);
  }
}
