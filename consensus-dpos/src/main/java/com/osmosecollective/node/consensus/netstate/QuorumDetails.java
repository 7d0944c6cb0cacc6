package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.core.block.Block;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peer counts behind a network state (ARK {@code network-state.ts QuorumDetails}). Every peer
 * is exactly one of quorum or no-quorum; over-height and forked split the no-quorum peers; the
 * different-slot and forging-not-allowed counters are statistics over all peers.
 *
 * @param peersOverHeightBlockHeaders the over-height peers' tip headers by block id (one entry per
 *     distinct id), in the order they were first seen
 */
public record QuorumDetails(
    int peersQuorum,
    int peersNoQuorum,
    int peersOverHeight,
    Map<String, Block> peersOverHeightBlockHeaders,
    int peersForked,
    int peersDifferentSlot,
    int peersForgingNotAllowed) {

  public static final QuorumDetails NONE = new QuorumDetails(0, 0, 0, Map.of(), 0, 0, 0);

  public QuorumDetails {
    peersOverHeightBlockHeaders =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(peersOverHeightBlockHeaders));
  }

  /** {@code q / (q + nq)}, 0 when no peer counted (ARK turns the NaN of 0/0 into 0). */
  public double quorum() {
    int counted = peersQuorum + peersNoQuorum;
    return counted == 0 ? 0 : (double) peersQuorum / counted;
  }
}
