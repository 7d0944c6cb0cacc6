package com.osmosecollective.node.app;

import picocli.CommandLine.ArgGroup;

/** The option groups of a node's settings ({@code NodeSettings}): start and config check. */
final class NodeOptions implements Flags.Group {
  @ArgGroup(validate = false, heading = "Network%n")
  NetworkOption network = new NetworkOption();

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "REST API%n")
  ApiOptions api = new ApiOptions();

  @ArgGroup(validate = false, heading = "Forging%n")
  ForgingOptions forging = new ForgingOptions();

  @ArgGroup(validate = false, heading = "P2P%n")
  P2pOptions p2p = new P2pOptions();

  @ArgGroup(validate = false, heading = "Logging%n")
  LoggingOptions logging = new LoggingOptions();

  @Override
  public void addTo(Flags flags) {
    network.addTo(flags);
    storage.addTo(flags);
    api.addTo(flags);
    forging.addTo(flags);
    p2p.addTo(flags);
    logging.addTo(flags);
  }
}
