package com.osmosecollective.node.p2p.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses may be peers (SV-009): never unspecified, multicast or broadcast; never
 * ourselves; loopback and private addresses only on a local network (a devnet on one host, or an
 * explicit setting), as ARK refuses them on public networks.
 */
public final class AddressPolicy {
  private final boolean allowLocal;
  private final Set<InetAddress> ownAddresses;
  private volatile int ownPort;
  private volatile InetAddress ownListenAddress;

  public AddressPolicy(boolean allowLocal) {
    this.allowLocal = allowLocal;
    this.ownAddresses = interfaceAddresses();
  }

  public boolean allowLocal() {
    return allowLocal;
  }

  /** Our P2P port once bound to every address: a peer at one of our addresses on it is us. */
  public void ownPort(int port) {
    this.ownPort = port;
    this.ownListenAddress = null;
  }

  /**
   * Where our P2P server is bound. Bound to one address, only that address on our port is
   * ourselves: another loopback address on the same port is another node of this host (ARK Core
   * dials every peer on its own port, so nodes sharing a host differ by address only).
   */
  public void ownAddress(InetSocketAddress bound) {
    this.ownPort = bound.getPort();
    InetAddress ip = bound.getAddress();
    this.ownListenAddress = ip == null || ip.isAnyLocalAddress() ? null : ip;
  }

  /** Why {@code key} cannot be a peer, or empty when it can. */
  public Optional<String> refusal(PeerKey key) {
    InetAddress ip = key.ip();
    if (PeerIp.isUnusable(ip)) {
      return Optional.of("unusable address");
    }
    if (key.port() == ownPort && isOurs(ip)) {
      return Optional.of("our own address");
    }
    if (!allowLocal && (PeerIp.isLocal(ip) || ownAddresses.contains(ip))) {
      return Optional.of("loopback or private address on a public network");
    }
    return Optional.empty();
  }

  private boolean isOurs(InetAddress ip) {
    InetAddress listening = ownListenAddress;
    return listening == null
        ? ownAddresses.contains(ip) || ip.isLoopbackAddress()
        : listening.equals(ip);
  }

  private static Set<InetAddress> interfaceAddresses() {
    Set<InetAddress> out = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        out.addAll(Collections.list(nic.getInetAddresses()));
      }
    } catch (SocketException | RuntimeException e) {
      // without the list, only the loopback and port rule recognise ourselves
    }
    return Set.copyOf(out);
  }
}
