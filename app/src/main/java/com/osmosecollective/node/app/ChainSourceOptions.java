package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.storage.StoreOpenException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the delegate tools read the chain: a running node's API or a data dir (read-only). */
final class ChainSourceOptions {
  @Option(
      names = "--api",
      paramLabel = "<url>",
      description = "A running node's REST API, e.g. http://127.0.0.1:4003.")
  String api;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description = "A data dir, opened read-only (default: ~/.osmose/<network>).")
  Path dataDir;

  boolean given() {
    return api != null || dataDir != null;
  }

  DelegateView open(Network network) throws StoreOpenException {
    if (api != null && dataDir != null) {
      throw new IllegalArgumentException("give either --api or --data-dir, not both");
    }
    if (api != null) {
      return new ApiDelegateView(api);
    }
    Path dir =
        dataDir != null
            ? dataDir
            : Path.of(System.getProperty("user.home"), ".osmose", network.name());
    if (dir.toString().isBlank()) {
      throw new IllegalArgumentException("--data-dir must name a directory");
    }
    return StoreDelegateView.open(dir, network.nethash());
  }
}
