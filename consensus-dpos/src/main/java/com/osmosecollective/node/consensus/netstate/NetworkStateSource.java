package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.core.block.Block;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The node's current network state (ARK {@code network-monitor.ts getNetworkState}): the peers are
 * observed first, then our tip, the cold-start flag and the current slot are read and analysed. The
 * forger's quorum gate asks it; P2P serves its answer as {@code p2p.internal.getNetworkState}.
 */
public final class NetworkStateSource {
  private final Supplier<Block> tip;
  private final BlockTimestampLookup lookup;
  private final NetworkTime time;
  private final Slots slots;
  private final PeerObservations peers;
  private final ColdStart coldStart;
  private final NetworkStateAnalyzer analyzer;

  /**
   * @param tip our committed last block (the chain snapshot's)
   * @param lookup committed block timestamps, for slot math
   */
  public NetworkStateSource(
      Supplier<Block> tip,
      BlockTimestampLookup lookup,
      NetworkTime time,
      Slots slots,
      PeerObservations peers,
      ColdStart coldStart,
      NetworkStateConfig config) {
    this.tip = tip;
    this.lookup = lookup;
    this.time = time;
    this.slots = slots;
    this.peers = peers;
    this.coldStart = coldStart;
    this.analyzer = new NetworkStateAnalyzer(config.minimumNetworkReach());
  }

  /** The state once the peers have answered; fails when observing them fails. */
  public CompletableFuture<NetworkState> current() {
    return peers.observe().thenApply(this::analyze);
  }

  private NetworkState analyze(List<PeerObservation> observed) {
    Block last = tip.get();
    long currentSlot = slots.slotNumber(time.now(), last.height(), lookup);
    return analyzer.analyze(last, currentSlot, coldStart.consume(), observed);
  }
}
