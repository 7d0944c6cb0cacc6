package com.osmosecollective.node.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer-to-peer layer: the address and port it listens on and the peers it starts from. Read by
 * the P2P wiring of {@code osmose start}; until P2P is wired they are validated and shown only.
 */
public record P2pSettings(
    Setting<String> host, Setting<Integer> port, Setting<List<PeerAddress>> peers) {
  public static final SettingKey<String> HOST =
      SettingKey.of("p2p.host", "--p2p-host", "OSMOSE_P2P_HOST", Parsers::host);
  public static final SettingKey<Integer> PORT =
      SettingKey.of("p2p.port", "--p2p-port", "OSMOSE_P2P_PORT", Parsers.PORT);
  public static final SettingKey<List<PeerAddress>> PEERS =
      SettingKey.of("p2p.peers", "--peers", "OSMOSE_PEERS", Parsers::peers);

  /** Every interface: peers must reach a relay. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** ARK core-p2p's default port, for a network ARK gives no port of its own. */
  public static final int ARK_PORT = 4002;

  /** ARK's ports by network name (its core config's .env files): mainnet, testnet, devnet. */
  private static final Map<String, Integer> ARK_NETWORK_PORTS =
      Map.of("mainnet", 4001, "testnet", 4000, "devnet", 4002);

  public static List<SettingKey<?>> keys() {
    return List.of(HOST, PORT, PEERS);
  }

  /** The P2P settings; {@code network}'s port is the default when the network was loaded. */
  public static P2pSettings resolve(SettingsSources sources, Optional<Network> network) {
    int port = network.map(P2pSettings::defaultPort).orElse(ARK_PORT);
    String origin = network.map(P2pSettings::defaultOrigin).orElse("ARK's");
    return new P2pSettings(
        sources.resolve(HOST, DEFAULT_HOST, ""),
        sources.resolve(PORT, port, origin),
        sources.resolve(PEERS, List.of(), ""));
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
