package com.osmosecollective.node.config.settings;

/** A peer to connect to: a host (address or name) and its P2P port. */
public record PeerAddress(String host, int port) {
  @Override
  public String toString() {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
