package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.config.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RewardAndSupplyTest {
  private static final long OSM = 100_000_000L;

  @Test
  void mainnetRewardChangesExactlyAtTheWhitePaperHeights() {
    RewardSchedule rewards = new RewardSchedule(TestNetworks.shipped("mainnet").milestones());
    long year = 365L * 24 * 3600 / 20;
    long[] perYear = {2000, 1500, 1000, 750, 500};
    for (int y = 0; y < perYear.length; y++) {
      long first = y * year + 1;
      assertThat(rewards.rewardAt(first))
          .as("first height of year %d", y + 1)
          .isEqualTo(perYear[y] * OSM);
      assertThat(rewards.rewardAt(first + year - 1))
          .isEqualTo(y + 1 < perYear.length ? perYear[y] * OSM : 500 * OSM);
      if (y > 0) {
        assertThat(rewards.rewardAt(first - 1)).isEqualTo(perYear[y - 1] * OSM);
      }
    }
    assertThat(rewards.rewardAt(4_000_000_000L)).isEqualTo(500 * OSM);
  }

  @Test
  void arkMainnetSupplyMatchesTheSpecFormula() {
    SupplyCalculator supply =
        new SupplyCalculator(
            12_500_000_000_000_004L, new RewardSchedule(TestNetworks.arkMainnet()));
    assertThat(supply.supplyAt(16_000_000)).isEqualTo(15_684_880_200_000_004L);
    assertThat(supply.supplyAt(0)).isEqualTo(12_500_000_000_000_004L);
    assertThat(supply.supplyAt(75_599)).isEqualTo(12_500_000_000_000_004L);
    assertThat(supply.supplyAt(75_600)).isEqualTo(12_500_000_000_000_004L + 200_000_000L);
  }

  @Test
  void osmoseMainnetSupplyAfterYearOne() {
    Network mainnet = TestNetworks.shipped("mainnet");
    SupplyCalculator supply =
        new SupplyCalculator(mainnet.premine(), new RewardSchedule(mainnet.milestones()));
    assertThat(supply.supplyAt(1_576_800)).isEqualTo((10_000_000_000L + 3_153_600_000L) * OSM);
  }

  @Test
  void supplyBeyondALongIsAnErrorNotAWrapAround() {
    SupplyCalculator supply =
        new SupplyCalculator(Long.MAX_VALUE - 10, new RewardSchedule(TestNetworks.arkMainnet()));
    assertThatThrownBy(() -> supply.supplyAt(100_000)).isInstanceOf(ArithmeticException.class);
  }

  /**
   * Random schedules of up to 6 milestones below height 400: the segment sum equals the sum of
   * {@code Milestones.at(h).reward()} height by height.
   */
  @Property(tries = 300)
  void supplyEqualsTheBruteForceSum(
      @ForAll @Size(max = 5) List<@IntRange(min = 2, max = 400) Integer> heights,
      @ForAll @Size(min = 6, max = 6) List<@LongRange(min = 0, max = 1_000_000_000L) Long> values,
      @ForAll @IntRange(min = 0, max = 500) int height,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long genesisAmount) {
    TreeMap<Integer, Long> byHeight = new TreeMap<>();
    byHeight.put(1, values.get(0));
    for (int i = 0; i < heights.size(); i++) {
      byHeight.put(heights.get(i), values.get(i + 1));
    }
    List<String> entries = new ArrayList<>();
    byHeight.forEach(
        (h, reward) ->
            entries.add(
                h == 1
                    ? "{\"height\":1,\"reward\":"
                        + reward
                        + ",\"activeDelegates\":5,\"blocktime\":8,"
                        + "\"epoch\":\"2020-01-01T00:00:00.000Z\"}"
                    : "{\"height\":" + h + ",\"reward\":" + reward + "}"));
    Milestones milestones = TestNetworks.milestones("[" + String.join(",", entries) + "]");

    long expected = genesisAmount;
    for (int h = 1; h <= height; h++) {
      expected += byHeight.floorEntry(h).getValue();
    }
    RewardSchedule rewards = new RewardSchedule(milestones);
    assertThat(new SupplyCalculator(genesisAmount, rewards).supplyAt(height)).isEqualTo(expected);
    for (int h = 1; h <= 450; h += 7) {
      assertThat(rewards.rewardAt(h)).isEqualTo(byHeight.floorEntry(h).getValue());
    }
  }

  @Test
  void rewardRangeAndSumsOverPartialSegments() {
    RewardSchedule rewards = new RewardSchedule(TestNetworks.shipped("mainnet").milestones());
    assertThat(rewards.range(1_576_790, 1_576_810))
        .isEqualTo(new RewardSchedule.Range(1500 * OSM, 2000 * OSM));
    assertThat(rewards.sum(1_576_791, 1_576_810)).isEqualTo(10 * 2000 * OSM + 10 * 1500 * OSM);
    assertThat(rewards.sum(10, 9)).isZero();
    assertThat(rewards.segments()).hasSize(5);
    assertThat(rewards.segments().get(4).lastHeight()).isEqualTo(Long.MAX_VALUE);
  }
}
