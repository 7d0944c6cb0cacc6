package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.P2pSettings;
import com.osmosecollective.node.config.settings.PeerAddress;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the peer-to-peer server listens, whom it dials first, how many peers the forger needs, or
 * that it is off; {@link #service} turns the resolved settings into the P2P layer's.
 */
final class P2pOptions implements Flags.Group {
  /** This node's name as peers see it in its status (ARK's schema: 4 to 64 characters). */
  static final String NODE_NAME = "osmose-node";

  @Option(
      names = "--p2p-host",
      paramLabel = "<host>",
      description =
          "Address the P2P server binds (default 0.0.0.0). Env: OSMOSE_P2P_HOST; file: p2p.host.")
  String host;

  @Option(
      names = "--p2p-port",
      paramLabel = "<port>",
      description =
          "P2P port (default: the network's as ARK has them, mainnet 4001, testnet 4000,"
              + " devnet and others 4002; 0 = any free port, logged). Env: OSMOSE_P2P_PORT; file:"
              + " p2p.port.")
  String port;

  @Option(
      names = "--peers",
      paramLabel = "<ip:port,...>",
      description =
          "Peers to dial first, besides the network file's list: literal IPs, ip:port separated"
              + " by commas. Env: OSMOSE_PEERS; file: p2p.peers (a list).")
  String peers;

  @Option(
      names = "--min-network-reach",
      paramLabel = "<peers>",
      description =
          "Fewer verified peers than this and the forger does not forge (ARK's"
              + " minimumNetworkReach, default 20; a small test network needs fewer). Env:"
              + " OSMOSE_MIN_NETWORK_REACH; file: p2p.minimumNetworkReach.")
  String minimumNetworkReach;

  @Option(
      names = "--allow-local-peers",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description =
          "Accept peers on loopback and private addresses (a test network on one host or LAN;"
              + " a local devnet always does). Env: OSMOSE_ALLOW_LOCAL_PEERS; file:"
              + " p2p.allowLocalPeers.")
  String allowLocalPeers;

  @Option(
      names = "--remote-access",
      paramLabel = "<ip,...>",
      description =
          "Addresses a forger process (osmose forger --relay) may call the internal P2P routes"
              + " from: literal IPs separated by commas (default ARK's 127.0.0.1,"
              + " ::ffff:127.0.0.1, ::1: this host only); they are also exempt from rate limits."
              + " Env: OSMOSE_P2P_REMOTE_ACCESS; file: p2p.remoteAccess (a list).")
  String remoteAccess;

  @Option(
      names = "--p2p-inbound-budget",
      paramLabel = "<MiB>",
      description =
          "MiB of large inbound P2P frames held at once across all peer sockets (default 64);"
              + " frames peers send unasked beyond it are refused, answers to our own block"
              + " requests always pass. Env: OSMOSE_P2P_INBOUND_BUDGET; file: p2p.inboundBudgetMiB.")
  String inboundBudget;

  @Option(
      names = "--no-p2p",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description =
          "Do not connect to peers (an isolated node). Env: OSMOSE_NO_P2P; file: p2p.disabled.")
  String disabled;

  @Override
  public void addTo(Flags flags) {
    flags
        .put(P2pSettings.HOST, host)
        .put(P2pSettings.PORT, port)
        .put(P2pSettings.PEERS, peers)
        .put(P2pSettings.MINIMUM_NETWORK_REACH, minimumNetworkReach)
        .put(P2pSettings.ALLOW_LOCAL_PEERS, allowLocalPeers)
        .put(P2pSettings.REMOTE_ACCESS, remoteAccess)
        .put(P2pSettings.INBOUND_BUDGET_MIB, inboundBudget)
        .put(P2pSettings.DISABLED, disabled);
  }

  /**
   * The P2P layer's settings from the resolved ones, empty with {@code --no-p2p}.
   *
   * @param apiPort the REST API port announced to peers, 0 when there is none
   */
  static Optional<com.osmosecollective.node.p2p.service.P2pSettings> service(
      P2pSettings settings, int apiPort) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        com.osmosecollective.node.p2p.service.P2pSettings.defaults(
                settings.port().value(), NODE_NAME)
            .withHost(settings.host().value())
            .withSeedPeers(settings.peers().value().stream().map(PeerAddress::toString).toList())
            .withMinimumNetworkReach(settings.minimumNetworkReach().value())
            .withAllowLocalPeers(Boolean.TRUE.equals(settings.allowLocalPeers().value()))
            .withRemoteAccess(Set.copyOf(settings.remoteAccess().value()))
            .withLimits(
                TransportLimits.ark()
                    .withInboundBudgetBytes(settings.inboundBudgetMiB().value() * 1024L * 1024))
            .withApiPort(apiPort));
  }
}
