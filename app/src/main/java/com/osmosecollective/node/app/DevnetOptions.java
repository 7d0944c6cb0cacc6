package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.DevnetSettings;
import picocli.CommandLine.Option;

/** What only {@code osmose devnet} takes. */
final class DevnetOptions implements Flags.Group {
  @Option(
      names = "--blocktime",
      paramLabel = "<seconds>",
      description =
          "Seconds per block, written into the devnet's network file when it is created (default"
              + " 20; from 2 to 3600). Env: OSMOSE_BLOCKTIME; file: devnet.blocktime.")
  String blocktime;

  @Override
  public void addTo(Flags flags) {
    flags.put(DevnetSettings.BLOCKTIME, blocktime);
  }
}
