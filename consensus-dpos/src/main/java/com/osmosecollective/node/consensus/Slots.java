package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import java.util.List;

/**
 * Slot arithmetic of ARK Core 3.9 ({@code crypto/slots.ts}), including blocktime changes at
 * milestones: slots of every finished blocktime span are counted from the timestamps of the blocks
 * that bound the span, and the current span continues from the end of the last one.
 *
 * <p>{@code height} is the chain height the caller is at (ARK's "latest height"): only blocktime
 * milestones at or below it count as reached.
 */
public final class Slots {
  private final List<MilestoneChange> blocktimes;

  public Slots(Milestones milestones) {
    this.blocktimes = MilestoneChange.of(milestones, Milestone::blocktime);
  }

  /**
   * The slot that epoch time {@code timestamp} falls in, as seen from chain height {@code height}.
   */
  public SlotInfo info(long timestamp, long height, BlockTimestampLookup lookup) {
    Span span = lastSpan(height, lookup);
    long inSpan = Math.floorDiv(timestamp - span.endTime(), span.blocktime());
    long slotNumber = span.slotsBefore() + inSpan;
    long startTime = span.endTime() + inSpan * span.blocktime();
    long endTime = startTime + span.blocktime() - 1;
    boolean forgingAllowed = timestamp < startTime + span.blocktime() / 2;
    return new SlotInfo(startTime, endTime, span.blocktime(), slotNumber, forgingAllowed);
  }

  public long slotNumber(long timestamp, long height, BlockTimestampLookup lookup) {
    return info(timestamp, height, lookup).slotNumber();
  }

  public boolean forgingAllowed(long timestamp, long height, BlockTimestampLookup lookup) {
    return info(timestamp, height, lookup).forgingAllowed();
  }

  /** The first second of slot {@code slotNumber} (ARK's {@code getSlotTime}). */
  public long slotTime(long slotNumber, long height, BlockTimestampLookup lookup) {
    Span span = lastSpan(height, lookup);
    return span.endTime() + (slotNumber - span.slotsBefore()) * span.blocktime();
  }

  /**
   * Milliseconds from epoch time {@code now} to the start of the slot after it. Like ARK it counts
   * from the whole current second, so the result is a multiple of 1000.
   */
  public long millisUntilNextSlot(long now, long height, BlockTimestampLookup lookup) {
    long next = slotNumber(now, height, lookup) + 1;
    return (slotTime(next, height, lookup) - now) * 1000L;
  }

  /**
   * Walks the finished blocktime spans up to {@code height}. A span from milestone height p to the
   * next change m covers {@code floor((ts(m-1) + bt - ts(p)) / bt)} slots; ARK asks the lookup for
   * ts(p) of every span start (height 1, then each blocktime milestone) and ts(m-1).
   */
  private Span lastSpan(long height, BlockTimestampLookup lookup) {
    long blocktime = blocktimes.get(0).value();
    long slotsBefore = 0;
    long endTime = 0;
    long spanStartHeight = 1;
    for (int i = 1; i < blocktimes.size(); i++) {
      MilestoneChange next = blocktimes.get(i);
      if (height < next.height()) {
        break;
      }
      long spanStart = lookup.timestampOf(spanStartHeight);
      endTime = lookup.timestampOf(next.height() - 1) + blocktime;
      slotsBefore += Math.floorDiv(endTime - spanStart, blocktime);
      blocktime = next.value();
      spanStartHeight = next.height();
    }
    return new Span(slotsBefore, endTime, Math.toIntExact(blocktime));
  }

  private record Span(long slotsBefore, long endTime, int blocktime) {}
}
