package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.core.block.Block;
import java.util.List;
import java.util.Objects;

/**
 * The network state the forger asks for before forging (ARK {@code network-state.ts}): our tip as
 * it was when the state was computed and what the peers say about it.
 *
 * @param nodeHeight our height; 0 when {@link #hasTip() unknown}
 * @param lastBlockId our last block's id; null when unknown
 */
public record NetworkState(
    NetworkStateStatus status, long nodeHeight, String lastBlockId, QuorumDetails quorumDetails) {

  public NetworkState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(quorumDetails, "quorumDetails");
  }

  /** The state of a failed or timed-out request: ARK's {@code new NetworkState(Unknown)}. */
  public static NetworkState unknown() {
    return new NetworkState(NetworkStateStatus.UNKNOWN, 0, null, QuorumDetails.NONE);
  }

  /** A state without peer counts (cold start, too few peers, test) at our tip. */
  public static NetworkState withoutPeers(NetworkStateStatus status, Block tip) {
    return new NetworkState(status, tip.height(), tip.id(), QuorumDetails.NONE);
  }

  /** Whether the state carries our tip (every status but {@link NetworkStateStatus#UNKNOWN}). */
  public boolean hasTip() {
    return lastBlockId != null;
  }

  /** The share of agreeing peers; ARK reports 1 in its test environment. */
  public double quorum() {
    return status == NetworkStateStatus.TEST ? 1 : quorumDetails.quorum();
  }

  /** The distinct tip headers of the peers above our height. */
  public List<Block> overHeightBlockHeaders() {
    return List.copyOf(quorumDetails.peersOverHeightBlockHeaders().values());
  }
}
