package com.osmosecollective.node.p2p.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.p2p.peer.PeerIp;
import com.osmosecollective.node.p2p.peer.PeerKey;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed peers: the network file's {@code network.peers} ("ip:port" strings or {@code {ip, port}}
 * objects) and the configured list, literal IPs only (SV-009); anything else is logged and skipped.
 */
public final class SeedPeers {
  private static final Logger LOG = LoggerFactory.getLogger(SeedPeers.class);

  private SeedPeers() {}

  static List<PeerKey> of(Network network, List<String> configured) {
    Set<PeerKey> out = new LinkedHashSet<>();
    for (JsonNode entry : network.definition().path("network").path("peers")) {
      String text =
          entry.isTextual()
              ? entry.asText()
              : entry.path("ip").asText() + ":" + entry.path("port").asText();
      parse(text).ifPresent(out::add);
    }
    for (String text : configured) {
      parse(text).ifPresent(out::add);
    }
    return new ArrayList<>(out);
  }

  /** "1.2.3.4:4002" or "[::1]:4002"; empty (and a warning) for anything else. */
  public static Optional<PeerKey> parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      LOG.warn("seed peer '{}' is not ip:port; skipped", text);
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    Optional<InetAddress> ip = PeerIp.parse(host);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (ip.isEmpty() || port < 1 || port > 65535) {
      LOG.warn("seed peer '{}' is not a literal IP and port; skipped", text);
      return Optional.empty();
    }
    return Optional.of(new PeerKey(ip.get(), port));
  }

  static boolean localDevnet(Network network) {
    return network.definition().path("network").path("localDevnet").asBoolean(false);
  }
}
