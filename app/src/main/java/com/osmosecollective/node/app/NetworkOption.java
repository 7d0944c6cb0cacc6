package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.NetworkSettings;
import picocli.CommandLine.Option;

/** {@code --network}, the one declaration every command that runs on a network shares. */
final class NetworkOption implements Flags.Group {
  @Option(
      names = "--network",
      paramLabel = "<name|file>",
      description =
          "Shipped network (mainnet, testnet, devnet, osmose-2018) or a network file, e.g. a"
              + " devnet's <data-dir>/network.json. Env: OSMOSE_NETWORK; file: network.")
  String network;

  @Override
  public void addTo(Flags flags) {
    flags.put(NetworkSettings.NETWORK, network);
  }
}
