package com.osmosecollective.node.p2p.peer;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The verified peers, bounded: at most {@code maxPeers} in all and {@code maxPerSubnet} per IPv4
 * /24 (ARK's {@code maxSameSubnetPeers}, seeds exempt; not applied to local addresses when a local
 * network is allowed, since a test network shares 127.0.0.1).
 */
public final class PeerTable {
  private final int maxPeers;
  private final int maxPerSubnet;
  private final boolean localExempt;
  private final Map<PeerKey, Peer> peers = new ConcurrentHashMap<>();
  private final List<Consumer<Peer>> removedListeners = new CopyOnWriteArrayList<>();

  public PeerTable(int maxPeers, int maxPerSubnet, boolean localExempt) {
    this.maxPeers = maxPeers;
    this.maxPerSubnet = maxPerSubnet;
    this.localExempt = localExempt;
  }

  public void onRemoved(Consumer<Peer> listener) {
    removedListeners.add(listener);
  }

  public Optional<Peer> get(PeerKey key) {
    return Optional.ofNullable(peers.get(key));
  }

  public boolean contains(PeerKey key) {
    return peers.containsKey(key);
  }

  /** Why a new peer would not fit, or empty. */
  public synchronized Optional<String> roomFor(PeerKey key, boolean seed) {
    if (peers.containsKey(key)) {
      return Optional.empty();
    }
    if (peers.size() >= maxPeers) {
      return Optional.of("the peer table is full (" + maxPeers + ")");
    }
    if (!seed && !(localExempt && PeerIp.isLocal(key.ip()))) {
      String subnet = PeerIp.subnet(key.ip());
      long same = peers.keySet().stream().filter(k -> PeerIp.subnet(k.ip()).equals(subnet)).count();
      if (same >= maxPerSubnet) {
        return Optional.of("already " + same + " peers in " + subnet);
      }
    }
    return Optional.empty();
  }

  /** Adds a verified peer if it fits; returns whether it is in the table. */
  public synchronized boolean add(Peer peer) {
    if (peers.containsKey(peer.key())) {
      return true;
    }
    if (roomFor(peer.key(), peer.seed()).isPresent()) {
      return false;
    }
    peers.put(peer.key(), peer);
    return true;
  }

  public void remove(PeerKey key) {
    Peer removed = peers.remove(key);
    if (removed != null) {
      removedListeners.forEach(l -> l.accept(removed));
    }
  }

  /** Forgets every peer at {@code ip} (it was banned). */
  public void removeIp(InetAddress ip) {
    for (PeerKey key : List.copyOf(peers.keySet())) {
      if (key.ip().equals(ip)) {
        remove(key);
      }
    }
  }

  public List<Peer> all() {
    return new ArrayList<>(peers.values());
  }

  /** Peers by latency, fastest first (getPeers' order). */
  public List<Peer> byLatency() {
    List<Peer> out = all();
    out.sort(Comparator.comparingLong(Peer::latencyMillis));
    return out;
  }

  public int size() {
    return peers.size();
  }
}
