package com.osmosecollective.node.consensus.forger;

/**
 * Whether the network state lets the forger forge now (spec §6: with peers, a quorum of at least
 * 66% agreeing with our chain; cold start, too few peers or an unknown state forbid it). P2P will
 * provide the real gate; without peers configured a node forges alone.
 */
@FunctionalInterface
public interface NetworkGate {
  /** The gate of a node without peers (local devnet, or no P2P yet). */
  NetworkGate ALONE = () -> true;

  boolean allowsForging();
}
