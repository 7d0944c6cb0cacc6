package com.osmosecollective.node.consensus.chain;

import java.util.List;

/**
 * Facts about an applied block for listeners.
 *
 * @param generatorUsername the forging delegate's name ("?" if unknown)
 * @param forgedLocally whether this node's forger made the block
 * @param newRound the round that starts after this block, or 0 when it does not end a round
 * @param missedSlots the empty slots between the previous block and this one, at most one per
 *     delegate of the round, in slot order (ARK emits {@code forger.missing} for each)
 * @param missedRound when the block ends a round: the public keys of that round's delegates that
 *     forged none of its blocks, in forging order (ARK emits {@code round.missed} for each)
 */
public record AppliedBlockInfo(
    String generatorUsername,
    boolean forgedLocally,
    long newRound,
    List<MissedSlotEvent> missedSlots,
    List<String> missedRound) {
  public AppliedBlockInfo {
    missedSlots = List.copyOf(missedSlots);
    missedRound = List.copyOf(missedRound);
  }

  /** The usernames of the delegates of {@link #missedSlots()}, in slot order. */
  public List<String> missedBy() {
    return missedSlots.stream().map(MissedSlotEvent::username).toList();
  }
}
