package com.osmosecollective.node.consensus;

/**
 * Total supply at a height (ARK {@code core-kernel utils/supply-calculator.ts}): the genesis amount
 * plus the reward of every height from 1 up to it. Like ARK it counts the milestone reward of
 * height 1 too, although the genesis block itself carries none. Fees move coins, they create none.
 */
public final class SupplyCalculator {
  private final long genesisAmount;
  private final RewardSchedule rewards;

  /**
   * @param genesisAmount the genesis block's total amount (or a planned network's premine)
   */
  public SupplyCalculator(long genesisAmount, RewardSchedule rewards) {
    if (genesisAmount < 0) {
      throw new IllegalArgumentException("negative genesis amount");
    }
    this.genesisAmount = genesisAmount;
    this.rewards = rewards;
  }

  /**
   * The supply once the block at {@code height} is applied; height 0 gives the genesis amount.
   *
   * @throws ArithmeticException when the supply does not fit in a long
   */
  public long supplyAt(long height) {
    if (height < 0) {
      throw new IllegalArgumentException("negative height " + height);
    }
    return Math.addExact(genesisAmount, rewards.sum(1, height));
  }

  public long genesisAmount() {
    return genesisAmount;
  }
}
