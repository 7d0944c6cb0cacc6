package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import java.util.List;
import java.util.Optional;

/**
 * Maps slots to delegates (ARK {@code calculate-forging-info.ts}). The slot number, counted from
 * the first slot after the last change of {@code activeDelegates}, modulo the delegate count
 * indexes the forging order of the round of the block's height.
 */
public final class ForgingSchedule {
  private final Slots slots;
  private final List<MilestoneChange> delegateCounts;

  public ForgingSchedule(Milestones milestones, Slots slots) {
    this.slots = slots;
    this.delegateCounts = MilestoneChange.of(milestones, Milestone::activeDelegates);
  }

  /** The forging info for epoch time {@code timestamp} at chain height {@code height}. */
  public ForgingInfo forgingInfo(long timestamp, long height, BlockTimestampLookup lookup) {
    SlotInfo slot = slots.info(timestamp, height, lookup);
    Index index = index(slot.slotNumber(), height, lookup);
    return new ForgingInfo(index.current(), index.next(), slot.startTime(), slot.forgingAllowed());
  }

  /**
   * The index of the delegate scheduled for {@code slotNumber}. Like ARK (JavaScript {@code %}) the
   * result is negative for a slot before the last delegate-count change.
   */
  public int forgerIndex(long slotNumber, long height, BlockTimestampLookup lookup) {
    return index(slotNumber, height, lookup).current();
  }

  /**
   * The delegate scheduled for the slot of {@code timestamp} in a round's forging order, or empty
   * when the index falls outside the list (ARK then lets the block's generator check pass).
   */
  public <T> Optional<T> scheduledForger(
      List<T> forgingOrder, long timestamp, long height, BlockTimestampLookup lookup) {
    int index = forgerIndex(slots.slotNumber(timestamp, height, lookup), height, lookup);
    return index >= 0 && index < forgingOrder.size()
        ? Optional.of(forgingOrder.get(index))
        : Optional.empty();
  }

  private Index index(long slotNumber, long height, BlockTimestampLookup lookup) {
    long firstSlotOfSpan = 0;
    long delegates = delegateCounts.get(0).value();
    for (int i = 1; i < delegateCounts.size(); i++) {
      MilestoneChange next = delegateCounts.get(i);
      if (height < next.height()) {
        break;
      }
      long lastHeightBefore = next.height() - 1;
      long lastTimestampBefore = lookup.timestampOf(lastHeightBefore);
      firstSlotOfSpan = slots.slotNumber(lastTimestampBefore, lastHeightBefore, lookup) + 1;
      delegates = next.value();
    }
    // Java's % keeps the dividend's sign, exactly like JavaScript's.
    int current = Math.toIntExact((slotNumber - firstSlotOfSpan) % delegates);
    int next = Math.toIntExact((current + 1) % delegates);
    return new Index(current, next);
  }

  private record Index(int current, int next) {}
}
