package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import java.util.List;

/**
 * Round arithmetic of ARK Core 3.9 ({@code core-kernel utils/round-calculator.ts}). Rounds count
 * blocks, not slots: a round is {@code activeDelegates} consecutive heights. {@code
 * activeDelegates} may change only where a round starts, which the constructor checks.
 */
public final class RoundCalculator {
  private final List<MilestoneChange> delegateCounts;

  public RoundCalculator(Milestones milestones) {
    this.delegateCounts = MilestoneChange.of(milestones, Milestone::activeDelegates);
    for (int i = 1; i < delegateCounts.size(); i++) {
      MilestoneChange previous = delegateCounts.get(i - 1);
      MilestoneChange change = delegateCounts.get(i);
      if ((change.height() - previous.height()) % previous.value() != 0) {
        throw new IllegalArgumentException(
            "bad milestone at height "
                + change.height()
                + ": the number of delegates can only change at the start of a round");
      }
    }
  }

  /** The round of {@code height} (ARK {@code calculateRound}). */
  public RoundInfo roundOf(long height) {
    requireHeight(height);
    long round = 1;
    long roundHeight = 1;
    long spanStart = 1;
    long delegates = delegateCounts.get(0).value();
    for (int i = 1; i < delegateCounts.size(); i++) {
      MilestoneChange next = delegateCounts.get(i);
      if (height < next.height()) {
        break;
      }
      round += (next.height() - spanStart) / delegates;
      roundHeight = next.height();
      delegates = next.value();
      spanStart = next.height();
    }
    long fromSpanStart = height - spanStart;
    long roundsIntoSpan = fromSpanStart / delegates;
    round += roundsIntoSpan;
    roundHeight += roundsIntoSpan * delegates;
    long nextRound = (fromSpanStart + 1) % delegates == 0 ? round + 1 : round;
    return new RoundInfo(round, roundHeight, nextRound, Math.toIntExact(delegates));
  }

  /**
   * Whether a round starts at {@code height} (ARK {@code isNewRound}): height 1, or a whole number
   * of rounds after the milestone that set the current delegate count.
   */
  public boolean isNewRound(long height) {
    requireHeight(height);
    MilestoneChange current = delegateCounts.get(0);
    for (MilestoneChange change : delegateCounts) {
      if (change.height() <= height) {
        current = change;
      }
    }
    return height == 1 || (height - current.height()) % current.value() == 0;
  }

  /** Round {@code round}, described as at its first height. */
  public RoundInfo round(long round) {
    if (round < 1) {
      throw new IllegalArgumentException("rounds start at 1, got " + round);
    }
    long spanStartRound = 1;
    long spanStart = 1;
    long delegates = delegateCounts.get(0).value();
    for (int i = 1; i < delegateCounts.size(); i++) {
      MilestoneChange next = delegateCounts.get(i);
      long roundsInSpan = (next.height() - spanStart) / delegates;
      if (round < spanStartRound + roundsInSpan) {
        break;
      }
      spanStartRound += roundsInSpan;
      spanStart = next.height();
      delegates = next.value();
    }
    long first = Math.addExact(spanStart, Math.multiplyExact(round - spanStartRound, delegates));
    return roundOf(first);
  }

  public long firstHeight(long round) {
    return round(round).roundHeight();
  }

  public long lastHeight(long round) {
    return round(round).lastHeight();
  }

  private static void requireHeight(long height) {
    if (height < 1) {
      throw new IllegalArgumentException("heights start at 1, got " + height);
    }
  }
}
