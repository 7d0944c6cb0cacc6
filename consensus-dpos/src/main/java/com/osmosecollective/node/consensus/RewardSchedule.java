package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import java.util.ArrayList;
import java.util.List;

/**
 * Block rewards from the milestones: the reward of height h is the reward of the milestone in force
 * at h. The schedule is a list of constant-reward segments, so sums over heights never loop over
 * blocks.
 */
public final class RewardSchedule {
  private final Milestones milestones;
  private final List<Segment> segments;

  /**
   * Heights {@code [firstHeight, lastHeight]} all paying {@code reward}; the last segment has
   * {@code lastHeight == Long.MAX_VALUE}.
   */
  public record Segment(long firstHeight, long lastHeight, long reward) {}

  /** The smallest and largest reward paid over a range of heights. */
  public record Range(long min, long max) {}

  public RewardSchedule(Milestones milestones) {
    this.milestones = milestones;
    List<Milestone> all = milestones.all();
    List<Segment> built = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      // Heights below the first milestone follow it (Milestones.at), so the first segment starts at
      // 1.
      long first = i == 0 ? 1 : all.get(i).height();
      long last = i + 1 < all.size() ? all.get(i + 1).height() - 1 : Long.MAX_VALUE;
      if (last >= first) {
        built.add(new Segment(first, last, all.get(i).reward()));
      }
    }
    this.segments = List.copyOf(built);
  }

  /** The reward a block at {@code height} must carry. */
  public long rewardAt(long height) {
    return milestones.at(height).reward();
  }

  public List<Segment> segments() {
    return segments;
  }

  /**
   * Σ reward(h) for h in {@code [fromHeight, toHeight]} (0 when the range is empty).
   *
   * @throws ArithmeticException when the sum does not fit in a long
   */
  public long sum(long fromHeight, long toHeight) {
    long total = 0;
    for (Segment segment : segments) {
      long first = Math.max(fromHeight, segment.firstHeight());
      long last = Math.min(toHeight, segment.lastHeight());
      if (last >= first) {
        long blocks = Math.addExact(Math.subtractExact(last, first), 1);
        total = Math.addExact(total, Math.multiplyExact(blocks, segment.reward()));
      }
    }
    return total;
  }

  /** The smallest and largest reward paid in {@code [fromHeight, toHeight]} (non-empty range). */
  public Range range(long fromHeight, long toHeight) {
    if (toHeight < fromHeight) {
      throw new IllegalArgumentException("empty height range");
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Segment segment : segments) {
      if (segment.firstHeight() <= toHeight && segment.lastHeight() >= fromHeight) {
        min = Math.min(min, segment.reward());
        max = Math.max(max, segment.reward());
      }
    }
    return new Range(min, max);
  }
}
