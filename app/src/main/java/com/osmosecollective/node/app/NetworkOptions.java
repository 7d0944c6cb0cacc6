package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import picocli.CommandLine.Option;

/** {@code --network} and {@code --height}, shared by the commands that need network rules. */
final class NetworkOptions {
  @Option(
      names = "--network",
      defaultValue = "${env:OSMOSE_NETWORK:-mainnet}",
      description =
          "Shipped network name (mainnet, devnet, osmose-2018) or a network file path. Env: OSMOSE_NETWORK.")
  String network;

  @Option(
      names = "--height",
      description = "Height whose milestone applies (default: the network's last milestone).")
  Long height;

  Network load() throws NetworkConfigException {
    return new NetworkLoader().load(network);
  }

  Milestone milestone(Network loaded) {
    return height == null ? loaded.milestones().last() : loaded.milestones().at(height);
  }

  long effectiveHeight(Network loaded) {
    return height == null ? Math.max(2, loaded.milestones().last().height()) : height;
  }
}
