package com.osmosecollective.node.consensus.forger;

/**
 * Whether the network state lets the forger forge in its turn (spec §6). A node without peers
 * configured forges {@link #ALONE}; a node with peers uses {@link QuorumGate}: a quorum of at least
 * 66% agreeing with our chain, and neither a cold start, too few peers nor an unknown state.
 */
@FunctionalInterface
public interface NetworkGate {
  /** The gate of a node without peers (local devnet, or no P2P yet). */
  NetworkGate ALONE = turn -> true;

  /** Asked once per slot of ours, before anything is signed for it. */
  boolean allowsForging(ForgingTurn turn);
}
