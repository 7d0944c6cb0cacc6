package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.transport.NesClientSession;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer this node knows: its address, what its last status said, and our outbound socket to it.
 * Fields are replaced as a whole by the verifier and the communicator; readers see a consistent
 * value of each.
 */
public final class Peer {
  private final PeerKey key;
  private final boolean seed;
  private final AtomicInteger sequentialErrors = new AtomicInteger();
  private volatile String version = "";
  private volatile PeerState state;
  private volatile Block tipHeader;
  private volatile long latencyMillis;
  private volatile Map<String, PluginInfo> plugins = Map.of();
  private volatile Map<String, Integer> ports = Map.of();
  private volatile Instant lastPinged = Instant.EPOCH;
  private volatile Boolean fastForked;
  private volatile boolean forked;
  private volatile NesClientSession session;
  private volatile Instant lastDial = Instant.EPOCH;

  public Peer(PeerKey key, boolean seed) {
    this.key = key;
    this.seed = seed;
  }

  public PeerKey key() {
    return key;
  }

  public boolean seed() {
    return seed;
  }

  public String version() {
    return version;
  }

  public void version(String version) {
    this.version = version;
  }

  /** The last status, null before the first successful ping. */
  public PeerState state() {
    return state;
  }

  /** The peer's tip as a header-only block, verified when the status was taken. */
  public Block tipHeader() {
    return tipHeader;
  }

  public long height() {
    PeerState s = state;
    return s == null ? 0 : s.height();
  }

  /** A newer height from a postBlock answer, without a new header. */
  public void heightHint(long height) {
    PeerState s = state;
    if (s != null && height > s.height()) {
      state = new PeerState(height, s.forgingAllowed(), s.currentSlot(), s.header());
    }
  }

  public void status(
      PeerState state,
      Block tipHeader,
      String version,
      Map<String, PluginInfo> plugins,
      long latencyMillis,
      Instant when) {
    this.state = state;
    this.tipHeader = tipHeader;
    this.version = version;
    this.plugins = Map.copyOf(plugins);
    this.latencyMillis = latencyMillis;
    this.lastPinged = when;
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  public Map<String, PluginInfo> plugins() {
    return plugins;
  }

  /** ARK's {@code peer.ports}: each probed plugin's port, or -1 when its probe failed. */
  public Map<String, Integer> ports() {
    return ports;
  }

  public void ports(Map<String, Integer> probed) {
    ports = Map.copyOf(probed);
  }

  public Instant lastPinged() {
    return lastPinged;
  }

  /** Fast verification: true when we do not hold the peer's tip; null before any check. */
  public Boolean fastForked() {
    return fastForked;
  }

  public void fastForked(boolean forked) {
    this.fastForked = forked;
  }

  /** Full verification's verdict: the chains part below both tips (ARK's {@code forked}). */
  public boolean forked() {
    return forked;
  }

  public void forked(boolean forked) {
    this.forked = forked;
  }

  public NesClientSession session() {
    return session;
  }

  public void session(NesClientSession session) {
    this.session = session;
  }

  public Instant lastDial() {
    return lastDial;
  }

  public void lastDial(Instant when) {
    this.lastDial = when;
  }

  /** Counts a failed request; returns the number of failures in a row. */
  public int failed() {
    return sequentialErrors.incrementAndGet();
  }

  public void succeeded() {
    sequentialErrors.set(0);
  }

  @Override
  public String toString() {
    return key.toString();
  }
}
