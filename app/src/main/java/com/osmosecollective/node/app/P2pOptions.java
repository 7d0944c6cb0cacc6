package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.p2p.service.P2pSettings;
import com.osmosecollective.node.p2p.service.SeedPeers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the peer-to-peer server listens and whom it dials first, also from the environment. */
final class P2pOptions {
  /** This node's name as peers see it in its status (ARK's schema: 4 to 64 characters). */
  static final String NODE_NAME = "osmose-node";

  @Option(
      names = "--p2p-host",
      paramLabel = "<host>",
      defaultValue = "${env:OSMOSE_P2P_HOST:-0.0.0.0}",
      description =
          "Address the P2P server binds (default ${DEFAULT-VALUE}). Env: OSMOSE_P2P_HOST.")
  String host;

  @Option(
      names = "--p2p-port",
      paramLabel = "<port>",
      defaultValue = "${env:OSMOSE_P2P_PORT}",
      description =
          "P2P port (default: the network's, as ARK: mainnet 4001, testnet 4000, others 4002; 0 ="
              + " any free port, logged). Env: OSMOSE_P2P_PORT.")
  Integer port;

  @Option(
      names = "--peers",
      paramLabel = "<ip:port>[,...]",
      defaultValue = "${env:OSMOSE_PEERS}",
      description =
          "Peers to dial first, besides the network file's list (literal IPs). Env: OSMOSE_PEERS.")
  String peers;

  @Option(
      names = "--min-network-reach",
      paramLabel = "<peers>",
      defaultValue = "${env:OSMOSE_MIN_NETWORK_REACH:-20}",
      description =
          "Fewer verified peers than this and the forger does not forge (ARK's"
              + " minimumNetworkReach, default ${DEFAULT-VALUE}; a small test network needs"
              + " fewer). Env: OSMOSE_MIN_NETWORK_REACH.")
  int minimumNetworkReach;

  @Option(
      names = "--no-p2p",
      defaultValue = "${env:OSMOSE_NO_P2P:-false}",
      description = "Do not connect to peers (an isolated node). Env: OSMOSE_NO_P2P.")
  boolean disabled;

  /** ARK's default P2P ports per network (core's bin/config/<network>/.env). */
  static int defaultPort(Network network) {
    return switch (network.name()) {
      case "mainnet" -> 4001;
      case "testnet" -> 4000;
      default -> 4002;
    };
  }

  /**
   * The P2P settings, empty with {@code --no-p2p}; a bad port or peer list fails here, before
   * anything is created.
   *
   * @param apiPort the REST API port announced to peers, 0 when there is none
   */
  Optional<P2pSettings> settings(Network network, int apiPort) {
    if (disabled) {
      return Optional.empty();
    }
    int chosen = port == null ? defaultPort(network) : port;
    if (chosen < 0 || chosen > 65_535) {
      throw new IllegalArgumentException("--p2p-port must be between 0 and 65535");
    }
    if (minimumNetworkReach < 0) {
      throw new IllegalArgumentException("--min-network-reach must be 0 or more");
    }
    return Optional.of(
        P2pSettings.defaults(chosen, NODE_NAME)
            .withHost(host)
            .withSeedPeers(peerList())
            .withMinimumNetworkReach(minimumNetworkReach)
            .withApiPort(apiPort));
  }

  private List<String> peerList() {
    if (peers == null || peers.isBlank()) {
      return List.of();
    }
    List<String> list = Arrays.stream(peers.split(",", -1)).map(String::strip).toList();
    for (String peer : list) {
      if (SeedPeers.parse(peer).isEmpty()) {
        throw new IllegalArgumentException(
            "--peers: '" + peer + "' is not ip:port with a literal IP (e.g. 127.0.0.1:4002)");
      }
    }
    return list;
  }
}
