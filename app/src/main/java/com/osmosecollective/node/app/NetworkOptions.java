package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The network of the tools that only need its rules: {@code --network} (with the settings file and
 * {@code OSMOSE_NETWORK}, default mainnet) and {@code --height}.
 */
final class NetworkOptions {
  @Mixin ConfigOption config;

  @Mixin NetworkOption network;

  @Option(
      names = "--height",
      description = "Height whose milestone applies (default: the network's last milestone).")
  Long height;

  Network load() throws Exception {
    SettingsSources sources = config.sources(network);
    NetworkSettings settings = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
    sources.requireValid();
    return settings.network();
  }

  Milestone milestone(Network loaded) {
    return height == null ? loaded.milestones().last() : loaded.milestones().at(height);
  }

  long effectiveHeight(Network loaded) {
    return height == null ? Math.max(2, loaded.milestones().last().height()) : height;
  }
}
