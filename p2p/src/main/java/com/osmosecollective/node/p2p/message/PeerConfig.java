package com.osmosecollective.node.p2p.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GetStatusResponse.Config}: app version, network and the plugins with a public port. The
 * plugin map keeps its order, because protobufjs writes map entries in insertion order.
 */
public record PeerConfig(String version, NetworkInfo network, Map<String, PluginInfo> plugins) {
  /** ARK's response schema allows at most 32 plugins. */
  public static final int MAX_PLUGINS = 32;

  public PeerConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(network, "network");
    plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
  }
}
