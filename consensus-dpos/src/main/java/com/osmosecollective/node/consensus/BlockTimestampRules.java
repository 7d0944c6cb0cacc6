package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestones;

/**
 * The timestamp checks ARK Core 3.9 applies to a block. A block is not required to carry its slot's
 * start time (the forger writes it, validators do not insist); it must be in a later slot than its
 * parent, not in a slot after the local current one, and not more than one blocktime ahead.
 */
public final class BlockTimestampRules {
  private final Milestones milestones;
  private final Slots slots;

  public BlockTimestampRules(Milestones milestones, Slots slots) {
    this.milestones = milestones;
    this.slots = slots;
  }

  /** Chaining rule (ARK {@code isBlockChained}): the new block's slot is after its parent's. */
  public boolean isAfterPreviousSlot(
      long previousTimestamp, long timestamp, long height, BlockTimestampLookup lookup) {
    return slots.slotNumber(previousTimestamp, height, lookup)
        < slots.slotNumber(timestamp, height, lookup);
  }

  /** Incoming block rule (ARK {@code handleIncomingBlock}): its slot lies after the current one. */
  public boolean isInFutureSlot(
      long timestamp, long now, long height, BlockTimestampLookup lookup) {
    return slots.slotNumber(timestamp, height, lookup) > slots.slotNumber(now, height, lookup);
  }

  /** Block verification rule (ARK {@code Block.verify}): timestamp > now + blocktime(height). */
  public boolean isTooFarAhead(long timestamp, long blockHeight, long now) {
    return timestamp > now + milestones.at(blockHeight).blocktime();
  }

  /**
   * Whether the chain counts as synced (ARK {@code blockchain.isSynced}): with peers, the last
   * block is less than three blocktimes old (one with fast sync); without peers always.
   */
  public boolean isSynced(
      long lastBlockTimestamp, long lastBlockHeight, long now, boolean hasPeers, boolean fastSync) {
    if (!hasPeers) {
      return true;
    }
    long blocks = fastSync ? 1 : 3;
    return now - lastBlockTimestamp < blocks * milestones.at(lastBlockHeight).blocktime();
  }

  /**
   * ARK discards a block from its own forger that is not in the current slot or arrives with less
   * than two seconds of the slot left ({@link ForgingMargin}: less on blocks under 6 s).
   */
  public boolean isForgedTooLate(
      long timestamp, long now, long height, BlockTimestampLookup lookup) {
    return slots.slotNumber(now, height, lookup) != slots.slotNumber(timestamp, height, lookup)
        || slots.millisUntilNextSlot(now, height, lookup)
            < ForgingMargin.minimumMillisLeft(milestones.at(height + 1).blocktime());
  }
}
