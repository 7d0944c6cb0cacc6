package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.P2pSettings;
import picocli.CommandLine.Option;

/** Where the P2P layer listens and which peers it starts from (read once P2P is wired). */
final class P2pOptions implements Flags.Group {
  @Option(
      names = "--p2p-host",
      paramLabel = "<host>",
      description =
          "Address the P2P layer binds (default 0.0.0.0). Env: OSMOSE_P2P_HOST; file: p2p.host.")
  String host;

  @Option(
      names = "--p2p-port",
      paramLabel = "<port>",
      description =
          "P2P port (default: the network's as ARK has them, mainnet 4001, testnet 4000,"
              + " devnet and others 4002). Env: OSMOSE_P2P_PORT; file: p2p.port.")
  String port;

  @Option(
      names = "--peers",
      paramLabel = "<host:port,...>",
      description =
          "Peers to start from, host:port separated by commas. Env: OSMOSE_PEERS; file:"
              + " p2p.peers (a list).")
  String peers;

  @Override
  public void addTo(Flags flags) {
    flags.put(P2pSettings.HOST, host).put(P2pSettings.PORT, port).put(P2pSettings.PEERS, peers);
  }
}
