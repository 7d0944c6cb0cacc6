package com.osmosecollective.node.consensus.chain;

import java.util.List;

/**
 * Facts about an applied block for listeners.
 *
 * @param generatorUsername the forging delegate's name ("?" if unknown)
 * @param forgedLocally whether this node's forger made the block
 * @param newRound the round that starts after this block, or 0 when it does not end a round
 * @param missedBy usernames of the delegates whose slots between the previous block and this one
 *     stayed empty
 */
public record AppliedBlockInfo(
    String generatorUsername, boolean forgedLocally, long newRound, List<String> missedBy) {
  public AppliedBlockInfo {
    missedBy = List.copyOf(missedBy);
  }
}
