package com.osmosecollective.node.consensus.forger;

/**
 * Whether the network state lets the forger forge in its turn (spec §6). Only a local devnet forges
 * {@link #ALONE}; on every other network a node with peers uses {@link QuorumGate} (a quorum of at
 * least 66% agreeing with our chain, and neither a cold start, too few peers nor an unknown state)
 * and a node without peers {@link NoPeersGate}, which never forges.
 */
@FunctionalInterface
public interface NetworkGate {
  /** The gate of a local devnet's forger, which holds every delegate's key. */
  NetworkGate ALONE = turn -> true;

  /** Asked once per slot of ours, before anything is signed for it. */
  boolean allowsForging(ForgingTurn turn);
}
