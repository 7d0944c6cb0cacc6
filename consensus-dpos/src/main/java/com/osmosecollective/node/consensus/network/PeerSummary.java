package com.osmosecollective.node.consensus.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One verified peer as ARK's {@code /api/peers} shows it.
 *
 * @param ip the peer's IP in canonical form (the socket's address, never a header)
 * @param port its P2P port
 * @param version the app version it reports ({@code headers.version}, e.g. "3.9.1")
 * @param height its height at the last status check
 * @param latencyMillis the round trip of that status check
 * @param ports the public ports of its plugins that answered a probe, by plugin name (-1 when the
 *     probe failed), e.g. {@code "@arkecosystem/core-api" -> 4003}
 * @param plugins the plugins the peer declared in its status, by name
 */
public record PeerSummary(
    String ip,
    int port,
    String version,
    long height,
    long latencyMillis,
    Map<String, Integer> ports,
    Map<String, PeerPlugin> plugins) {
  public PeerSummary {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(version, "version");
    // insertion order kept: the API prints them in the order the peer declared them
    ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
  }

  /**
   * A plugin of a peer's status ({@code config.plugins}).
   *
   * @param estimateTotalCount only core-api declares it; null when absent
   */
  public record PeerPlugin(int port, boolean enabled, Boolean estimateTotalCount) {}
}
