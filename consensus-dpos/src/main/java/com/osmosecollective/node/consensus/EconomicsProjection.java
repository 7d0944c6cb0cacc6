package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestones;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Year-by-year emission of a network from its milestones and genesis amount. A year is 365 × 24 ×
 * 3600 seconds of back-to-back blocks at the blocktime in force (no missed slots), so 1,576,800
 * blocks at a 20 s blocktime. When the blocktime changes within a year the year's seconds are spent
 * at each blocktime in turn; a remainder shorter than one block is dropped.
 */
public final class EconomicsProjection {
  public static final long YEAR_SECONDS = 365L * 24 * 3600;

  private final Milestones milestones;
  private final RewardSchedule rewards;
  private final SupplyCalculator supply;
  private final List<MilestoneChange> blocktimes;

  public EconomicsProjection(Milestones milestones, long genesisAmount) {
    this.milestones = milestones;
    this.rewards = new RewardSchedule(milestones);
    this.supply = new SupplyCalculator(genesisAmount, rewards);
    this.blocktimes = MilestoneChange.of(milestones, m -> m.blocktime());
  }

  /**
   * The first {@code years} years, from height 1.
   *
   * @throws ArithmeticException when the supply no longer fits in a long
   */
  public List<EconomicsYear> years(int years) {
    List<EconomicsYear> result = new ArrayList<>(years);
    long firstHeight = 1;
    for (int year = 1; year <= years; year++) {
      long blocks = blocksInYear(firstHeight);
      long lastHeight = firstHeight + blocks - 1;
      long created = rewards.sum(firstHeight, lastHeight);
      long start = supply.supplyAt(firstHeight - 1);
      long end = Math.addExact(start, created);
      RewardSchedule.Range range = rewards.range(firstHeight, lastHeight);
      result.add(
          new EconomicsYear(
              year,
              firstHeight,
              lastHeight,
              blocks,
              range.min(),
              range.max(),
              created,
              start,
              end,
              percent(created, end),
              percent(created, start)));
      firstHeight = lastHeight + 1;
    }
    return List.copyOf(result);
  }

  /** Blocks that fit in one year starting at {@code firstHeight}. */
  long blocksInYear(long firstHeight) {
    long seconds = YEAR_SECONDS;
    long height = firstHeight;
    long blocks = 0;
    while (true) {
      long blocktime = milestones.at(height).blocktime();
      long fit = seconds / blocktime;
      long take = Math.min(fit, nextBlocktimeChange(height) - height);
      blocks += take;
      height += take;
      seconds -= take * blocktime;
      if (take == fit) {
        return blocks;
      }
    }
  }

  private long nextBlocktimeChange(long height) {
    for (MilestoneChange change : blocktimes) {
      if (change.height() > height) {
        return change.height();
      }
    }
    return Long.MAX_VALUE;
  }

  private static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
