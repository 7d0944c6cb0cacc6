package com.osmosecollective.node.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The addresses a server answers (ARK's webhooks whitelist); empty = everyone. Entries are IP
 * literals, compared as addresses so {@code ::1} matches however the socket spells it.
 */
final class ClientWhitelist {
  private final Set<InetAddress> allowed;

  ClientWhitelist(Set<String> literals) {
    this.allowed = literals.stream().map(ClientWhitelist::literal).collect(Collectors.toSet());
  }

  boolean allows(java.net.SocketAddress remote) {
    if (allowed.isEmpty()) {
      return true;
    }
    return remote instanceof java.net.InetSocketAddress a && allowed.contains(a.getAddress());
  }

  private static InetAddress literal(String ip) {
    if (!ip.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    try {
      return InetAddress.getByName(ip); // a literal: no name lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }
}
