package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.core.block.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the network state from our tip and the peers' answers exactly as ARK 3.9 does ({@code
 * network-state.ts analyze / analyzeNetwork / update}). Pure: the caller pings the peers, knows
 * whether this is a cold start and reads the current slot.
 */
public final class NetworkStateAnalyzer {
  private final int minimumNetworkReach;

  public NetworkStateAnalyzer(int minimumNetworkReach) {
    if (minimumNetworkReach < 0) {
      throw new IllegalArgumentException("minimumNetworkReach must be >= 0");
    }
    this.minimumNetworkReach = minimumNetworkReach;
  }

  /**
   * The network state at our tip.
   *
   * @param tip our last block
   * @param currentSlot our current slot number (compared with each peer's)
   * @param coldStart whether this is the first state asked for after a genesis-mode status update;
   *     checked before the peer count, like ARK
   * @param peers one observation per known peer
   */
  public NetworkState analyze(
      Block tip, long currentSlot, boolean coldStart, List<PeerObservation> peers) {
    if (coldStart) {
      return NetworkState.withoutPeers(NetworkStateStatus.COLD_START, tip);
    }
    if (peers.size() < minimumNetworkReach) {
      return NetworkState.withoutPeers(NetworkStateStatus.BELOW_MINIMUM_PEERS, tip);
    }
    int quorum = 0;
    int noQuorum = 0;
    int overHeight = 0;
    int forked = 0;
    int differentSlot = 0;
    int forgingNotAllowed = 0;
    Map<String, Block> overHeightHeaders = new LinkedHashMap<>();
    for (PeerObservation peer : peers) {
      // a peer above us is never checked for a fork: it simply does not agree yet
      if (peer.height() > tip.height()) {
        noQuorum++;
        overHeight++;
        overHeightHeaders.put(peer.tipHeader().id(), peer.tipHeader());
      } else if (peer.forked()) {
        noQuorum++;
        forked++;
      } else {
        quorum++;
      }
      if (peer.currentSlot() != currentSlot) {
        differentSlot++;
      }
      if (!peer.forgingAllowed()) {
        forgingNotAllowed++;
      }
    }
    return new NetworkState(
        NetworkStateStatus.DEFAULT,
        tip.height(),
        tip.id(),
        new QuorumDetails(
            quorum,
            noQuorum,
            overHeight,
            overHeightHeaders,
            forked,
            differentSlot,
            forgingNotAllowed));
  }
}
