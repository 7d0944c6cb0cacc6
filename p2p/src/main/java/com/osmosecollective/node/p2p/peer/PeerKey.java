package com.osmosecollective.node.p2p.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A peer's identity: its canonical IP and P2P port. ARK keys peers by IP alone; keying by IP and
 * port lets several nodes of a local test network share 127.0.0.1.
 */
public record PeerKey(InetAddress ip, int port) implements Comparable<PeerKey> {
  public PeerKey {
    Objects.requireNonNull(ip, "ip");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  public String ipText() {
    return PeerIp.canonical(ip);
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(ip, port);
  }

  @Override
  public String toString() {
    String text = ipText();
    return (text.contains(":") ? "[" + text + "]" : text) + ":" + port;
  }

  @Override
  public int compareTo(PeerKey o) {
    return toString().compareTo(o.toString());
  }
}
