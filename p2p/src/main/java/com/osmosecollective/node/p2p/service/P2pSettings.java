package com.osmosecollective.node.p2p.service;

import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.peer.RateTable;
import com.osmosecollective.node.p2p.sync.SyncSettings;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the P2P service is told by the app.
 *
 * @param host the address the server binds (0.0.0.0 for all)
 * @param port the P2P port; 0 binds any free port (logged, and {@link P2pService#boundAddress()})
 * @param seedPeers "ip:port" seeds besides the network file's {@code network.peers}
 * @param maxPeers the size of the peer table
 * @param maxInbound inbound sockets in all
 * @param maxInboundPerIp inbound sockets from one IP (remote-access addresses exempt)
 * @param maxPerSubnet peers (and inbound sockets) per IPv4 /24 (ARK's maxSameSubnetPeers, 5)
 * @param violationsBeforeBan violations of one IP within a ban period that ban it
 * @param banTime how long a ban lasts
 * @param allowLocalPeers loopback and private peers allowed (a local test network); also when the
 *     network file's {@code network.localDevnet} is true
 * @param minimumNetworkReach fewer peers than this make the network state "below minimum peers"
 * @param networkStart genesis mode (ARK's {@code networkStart}): arms the forger's cold start at
 *     every network status update
 * @param appVersion the semver reported to peers (ARK peers accept 3.x)
 * @param nodeName this node's name, announced as a plugin entry of the status config (4–64 chars)
 * @param apiPort the public API port announced with the node name, 0 when there is none
 * @param remoteAccess IPs allowed on the internal routes and exempt from rate limits
 * @param rates ARK's rate table, inbound and outbound
 * @param limits frame caps and deadlines
 * @param discoveryInterval the network status update period while below the minimum reach (ARK 60
 *     s; ten times that once reached)
 * @param sync the block download settings
 * @param shutdownTimeout how long {@link P2pService#close()} may take
 */
public record P2pSettings(
    String host,
    int port,
    List<String> seedPeers,
    int maxPeers,
    int maxInbound,
    int maxInboundPerIp,
    int maxPerSubnet,
    int violationsBeforeBan,
    Duration banTime,
    boolean allowLocalPeers,
    int minimumNetworkReach,
    boolean networkStart,
    String appVersion,
    String nodeName,
    int apiPort,
    Set<String> remoteAccess,
    RateTable rates,
    TransportLimits limits,
    Duration discoveryInterval,
    SyncSettings sync,
    Duration shutdownTimeout) {

  public static final String ARK_VERSION = "3.9.1";

  public P2pSettings {
    Objects.requireNonNull(host, "host");
    seedPeers = List.copyOf(seedPeers);
    remoteAccess = Set.copyOf(remoteAccess);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (nodeName.length() < 4 || nodeName.length() > 64) {
      throw new IllegalArgumentException("nodeName must be 4 to 64 characters (ARK's schema)");
    }
  }

  /** ARK's defaults on {@code port}, with this node's name. */
  public static P2pSettings defaults(int port, String nodeName) {
    return new P2pSettings(
        "0.0.0.0",
        port,
        List.of(),
        200,
        100,
        4,
        5,
        3,
        Duration.ofHours(1),
        false,
        20,
        false,
        ARK_VERSION,
        nodeName,
        0,
        Set.of("127.0.0.1", "::ffff:127.0.0.1", "::1"),
        RateTable.ark(),
        TransportLimits.ark(),
        Duration.ofSeconds(60),
        SyncSettings.defaults(),
        Duration.ofSeconds(10));
  }

  /** ARK's name for the public API plugin: wallets and explorers find API nodes by it. */
  public static final String CORE_API_PLUGIN = "@arkecosystem/core-api";

  /**
   * The plugins announced in the status config: the API port under ARK's core-api name (whose
   * counts are exact, never estimated), and under this node's name so peers can tell what runs.
   */
  public Map<String, PluginInfo> plugins() {
    Map<String, PluginInfo> out = new LinkedHashMap<>();
    out.put(CORE_API_PLUGIN, new PluginInfo(apiPort, apiPort > 0, false));
    out.put(nodeName, new PluginInfo(apiPort, apiPort > 0, null));
    return out;
  }

  public P2pSettings withHost(String value) {
    Copy c = new Copy(this);
    c.host = value;
    return c.build();
  }

  public P2pSettings withSeedPeers(List<String> value) {
    Copy c = new Copy(this);
    c.seedPeers = value;
    return c.build();
  }

  public P2pSettings withAllowLocalPeers(boolean value) {
    Copy c = new Copy(this);
    c.allowLocalPeers = value;
    return c.build();
  }

  public P2pSettings withMinimumNetworkReach(int value) {
    Copy c = new Copy(this);
    c.minimumNetworkReach = value;
    return c.build();
  }

  public P2pSettings withBans(int violations, Duration time) {
    Copy c = new Copy(this);
    c.violationsBeforeBan = violations;
    c.banTime = time;
    return c.build();
  }

  public P2pSettings withRates(RateTable value) {
    Copy c = new Copy(this);
    c.rates = value;
    return c.build();
  }

  public P2pSettings withLimits(TransportLimits value) {
    Copy c = new Copy(this);
    c.limits = value;
    return c.build();
  }

  public P2pSettings withDiscoveryInterval(Duration value) {
    Copy c = new Copy(this);
    c.discoveryInterval = value;
    return c.build();
  }

  public P2pSettings withSync(SyncSettings value) {
    Copy c = new Copy(this);
    c.sync = value;
    return c.build();
  }

  public P2pSettings withApiPort(int value) {
    Copy c = new Copy(this);
    c.apiPort = value;
    return c.build();
  }

  public P2pSettings withNetworkStart(boolean value) {
    Copy c = new Copy(this);
    c.networkStart = value;
    return c.build();
  }

  /** The IPs allowed on the internal routes (a forger process on another host: its address). */
  public P2pSettings withRemoteAccess(Set<String> value) {
    Copy c = new Copy(this);
    c.remoteAccess = value;
    return c.build();
  }

  /** A changeable copy of the settings, so each {@code with…} names only what it changes. */
  private static final class Copy {
    private String host;
    private int port;
    private List<String> seedPeers;
    private int maxPeers;
    private int maxInbound;
    private int maxInboundPerIp;
    private int maxPerSubnet;
    private int violationsBeforeBan;
    private Duration banTime;
    private boolean allowLocalPeers;
    private int minimumNetworkReach;
    private boolean networkStart;
    private String appVersion;
    private String nodeName;
    private int apiPort;
    private Set<String> remoteAccess;
    private RateTable rates;
    private TransportLimits limits;
    private Duration discoveryInterval;
    private SyncSettings sync;
    private Duration shutdownTimeout;

    Copy(P2pSettings s) {
      host = s.host;
      port = s.port;
      seedPeers = s.seedPeers;
      maxPeers = s.maxPeers;
      maxInbound = s.maxInbound;
      maxInboundPerIp = s.maxInboundPerIp;
      maxPerSubnet = s.maxPerSubnet;
      violationsBeforeBan = s.violationsBeforeBan;
      banTime = s.banTime;
      allowLocalPeers = s.allowLocalPeers;
      minimumNetworkReach = s.minimumNetworkReach;
      networkStart = s.networkStart;
      appVersion = s.appVersion;
      nodeName = s.nodeName;
      apiPort = s.apiPort;
      remoteAccess = s.remoteAccess;
      rates = s.rates;
      limits = s.limits;
      discoveryInterval = s.discoveryInterval;
      sync = s.sync;
      shutdownTimeout = s.shutdownTimeout;
    }

    P2pSettings build() {
      return new P2pSettings(
          host,
          port,
          seedPeers,
          maxPeers,
          maxInbound,
          maxInboundPerIp,
          maxPerSubnet,
          violationsBeforeBan,
          banTime,
          allowLocalPeers,
          minimumNetworkReach,
          networkStart,
          appVersion,
          nodeName,
          apiPort,
          remoteAccess,
          rates,
          limits,
          discoveryInterval,
          sync,
          shutdownTimeout);
    }
  }
}
