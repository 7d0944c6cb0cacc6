package com.osmosecollective.node.consensus;

import java.math.BigDecimal;

/**
 * One year of emission, assuming no missed slots. Amounts are arktoshi.
 *
 * @param year the year, from 1
 * @param firstHeight first height of the year
 * @param lastHeight last height of the year
 * @param blocks number of blocks in the year
 * @param rewardMin smallest block reward paid in the year
 * @param rewardMax largest block reward paid in the year
 * @param coinsCreated sum of the year's block rewards
 * @param supplyStart supply before the year's first block
 * @param supplyEnd supply after the year's last block
 * @param inflationWhitePaper coins created ÷ supply at the end of the year, percent with two
 *     decimals (how the OSMOSE white paper states it), or null when the supply is 0
 * @param inflationConventional coins created ÷ supply at the start of the year, percent with two
 *     decimals, or null when the supply is 0
 */
public record EconomicsYear(
    int year,
    long firstHeight,
    long lastHeight,
    long blocks,
    long rewardMin,
    long rewardMax,
    long coinsCreated,
    long supplyStart,
    long supplyEnd,
    BigDecimal inflationWhitePaper,
    BigDecimal inflationConventional) {

  /** The year's average reward per block, rounded down to whole arktoshi. */
  public long rewardAverage() {
    return blocks == 0 ? 0 : coinsCreated / blocks;
  }
}
