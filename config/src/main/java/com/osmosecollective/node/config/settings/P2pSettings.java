package com.osmosecollective.node.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer-to-peer layer: the address and port it listens on, the peers it dials first (literal
 * IPs, as P2P accepts them), how many verified peers the forger needs, or that it is off.
 */
public record P2pSettings(
    Setting<String> host,
    Setting<Integer> port,
    Setting<List<PeerAddress>> peers,
    Setting<Integer> minimumNetworkReach,
    Setting<Boolean> allowLocalPeers,
    Setting<List<String>> remoteAccess,
    Setting<Integer> inboundBudgetMiB,
    Setting<Boolean> disabled) {
  public static final SettingKey<String> HOST =
      SettingKey.of("p2p.host", "--p2p-host", "OSMOSE_P2P_HOST", Parsers::host);
  public static final SettingKey<Integer> PORT =
      SettingKey.of("p2p.port", "--p2p-port", "OSMOSE_P2P_PORT", Parsers.PORT);
  public static final SettingKey<List<PeerAddress>> PEERS =
      SettingKey.of("p2p.peers", "--peers", "OSMOSE_PEERS", Parsers::peers);
  public static final SettingKey<Integer> MINIMUM_NETWORK_REACH =
      SettingKey.of(
          "p2p.minimumNetworkReach",
          "--min-network-reach",
          "OSMOSE_MIN_NETWORK_REACH",
          Parsers.integer(0, 10_000, ""));
  public static final SettingKey<Boolean> ALLOW_LOCAL_PEERS =
      SettingKey.of(
          "p2p.allowLocalPeers", "--allow-local-peers", "OSMOSE_ALLOW_LOCAL_PEERS", Parsers::bool);
  public static final SettingKey<List<String>> REMOTE_ACCESS =
      SettingKey.of(
          "p2p.remoteAccess", "--remote-access", "OSMOSE_P2P_REMOTE_ACCESS", Parsers::ips);
  public static final SettingKey<Integer> INBOUND_BUDGET_MIB =
      SettingKey.of(
          "p2p.inboundBudgetMiB",
          "--p2p-inbound-budget",
          "OSMOSE_P2P_INBOUND_BUDGET",
          Parsers.integer(1, 4096, ""));
  public static final SettingKey<Boolean> DISABLED =
      SettingKey.of("p2p.disabled", "--no-p2p", "OSMOSE_NO_P2P", Parsers::bool);

  /** ARK core-p2p's minimumNetworkReach: fewer verified peers and the forger does not forge. */
  public static final int DEFAULT_MINIMUM_NETWORK_REACH = 20;

  /**
   * ARK core-p2p's remoteAccess: the addresses a forger process may call the internal routes from
   * (this host only).
   */
  public static final List<String> DEFAULT_REMOTE_ACCESS =
      List.of("127.0.0.1", "::ffff:127.0.0.1", "::1");

  /**
   * MiB of large inbound P2P frames held at once across all peer sockets (three 20 MiB getBlocks
   * answers fit); unasked frames beyond it are refused.
   */
  public static final int DEFAULT_INBOUND_BUDGET_MIB = 64;

  /** Every interface: peers must reach a relay. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** ARK core-p2p's default port, for a network ARK gives no port of its own. */
  public static final int ARK_PORT = 4002;

  /** ARK's ports by network name (its core config's .env files): mainnet, testnet, devnet. */
  private static final Map<String, Integer> ARK_NETWORK_PORTS =
      Map.of("mainnet", 4001, "testnet", 4000, "devnet", 4002);

  public static List<SettingKey<?>> keys() {
    return List.of(
        HOST,
        PORT,
        PEERS,
        MINIMUM_NETWORK_REACH,
        ALLOW_LOCAL_PEERS,
        REMOTE_ACCESS,
        INBOUND_BUDGET_MIB,
        DISABLED);
  }

  /** The P2P settings; {@code network}'s port is the default when the network was loaded. */
  public static P2pSettings resolve(SettingsSources sources, Optional<Network> network) {
    int port = network.map(P2pSettings::defaultPort).orElse(ARK_PORT);
    String origin = network.map(P2pSettings::defaultOrigin).orElse("ARK's");
    return new P2pSettings(
        sources.resolve(HOST, DEFAULT_HOST, ""),
        sources.resolve(PORT, port, origin),
        sources.resolve(PEERS, List.of(), ""),
        sources.resolve(MINIMUM_NETWORK_REACH, DEFAULT_MINIMUM_NETWORK_REACH, "ARK's"),
        sources.resolve(ALLOW_LOCAL_PEERS, false, ""),
        sources.resolve(REMOTE_ACCESS, DEFAULT_REMOTE_ACCESS, "ARK's"),
        sources.resolve(INBOUND_BUDGET_MIB, DEFAULT_INBOUND_BUDGET_MIB, ""),
        sources.resolve(DISABLED, false, ""));
  }

  public boolean enabled() {
    return !Boolean.TRUE.equals(disabled.value());
  }

  /**
   * The network's P2P port: {@code network.p2pPort} in its definition, else ARK's port for a
   * network of that name (mainnet 4001, testnet 4000, devnet 4002), else ARK's default 4002.
   */
  public static int defaultPort(Network network) {
    return declaredPort(network).orElse(ARK_NETWORK_PORTS.getOrDefault(network.name(), ARK_PORT));
  }

  private static String defaultOrigin(Network network) {
    if (declaredPort(network).isPresent()) {
      return "network " + network.name() + "'s definition";
    }
    return ARK_NETWORK_PORTS.containsKey(network.name()) ? "ARK's for " + network.name() : "ARK's";
  }

  private static Optional<Integer> declaredPort(Network network) {
    JsonNode port = network.definition().path("network").path("p2pPort");
    return port.isInt() && port.intValue() > 0 && port.intValue() <= 65_535
        ? Optional.of(port.intValue())
        : Optional.empty();
  }
}
