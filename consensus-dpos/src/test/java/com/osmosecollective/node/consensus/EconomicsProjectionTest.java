package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.config.Network;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EconomicsProjectionTest {
  private static final long OSM = 100_000_000L;

  @Test
  void mainnetYearsFollowTheWhitePaperTable() {
    Network mainnet = TestNetworks.shipped("mainnet");
    List<EconomicsYear> years =
        new EconomicsProjection(mainnet.milestones(), mainnet.premine()).years(10);
    assertThat(years).hasSize(10);

    long blocks = 365L * 24 * 3600 / 20;
    long[] rewardOsm = {2000, 1500, 1000, 750, 500, 500, 500, 500, 500, 500};
    long supply = 10_000_000_000L * OSM;
    for (int i = 0; i < 10; i++) {
      EconomicsYear year = years.get(i);
      long created = blocks * rewardOsm[i] * OSM;
      assertThat(year.year()).isEqualTo(i + 1);
      assertThat(year.blocks()).isEqualTo(blocks);
      assertThat(year.firstHeight()).isEqualTo(i * blocks + 1);
      assertThat(year.lastHeight()).isEqualTo((i + 1) * blocks);
      assertThat(year.rewardMin()).isEqualTo(rewardOsm[i] * OSM);
      assertThat(year.rewardMax()).isEqualTo(rewardOsm[i] * OSM);
      assertThat(year.coinsCreated()).isEqualTo(created);
      assertThat(year.supplyStart()).isEqualTo(supply);
      assertThat(year.supplyEnd()).isEqualTo(supply + created);
      assertThat(year.inflationWhitePaper().doubleValue())
          .isCloseTo(
              100.0 * created / (supply + created), org.assertj.core.data.Offset.offset(0.005));
      assertThat(year.inflationConventional().doubleValue())
          .isCloseTo(100.0 * created / supply, org.assertj.core.data.Offset.offset(0.005));
      supply += created;
    }
    // Year 1 as stated in the brief: 3,153,600,000 OSM created on top of 10,000,000,000.
    assertThat(years.get(0).inflationWhitePaper()).isEqualTo(new BigDecimal("23.98"));
    assertThat(years.get(0).inflationConventional()).isEqualTo(new BigDecimal("31.54"));
    assertThat(years.get(0).supplyEnd()).isEqualTo(13_153_600_000L * OSM);
  }

  @Test
  void aYearSpendsItsSecondsAtEachBlocktime() {
    // 20 s blocks for the first 1,000,000 heights (20,000,000 s), then 10 s blocks.
    Milestones milestones =
        TestNetworks.milestones(
            "[{\"height\":1,\"reward\":3,\"activeDelegates\":5,\"blocktime\":20,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},"
                + "{\"height\":1000001,\"blocktime\":10,\"reward\":1}]");
    List<EconomicsYear> years = new EconomicsProjection(milestones, 1000).years(2);
    long secondPart = (31_536_000L - 20_000_000L) / 10;
    EconomicsYear first = years.get(0);
    assertThat(first.blocks()).isEqualTo(1_000_000 + secondPart);
    assertThat(first.rewardMin()).isEqualTo(1);
    assertThat(first.rewardMax()).isEqualTo(3);
    assertThat(first.coinsCreated()).isEqualTo(3_000_000 + secondPart);
    assertThat(first.rewardAverage()).isEqualTo((3_000_000 + secondPart) / first.blocks());
    assertThat(years.get(1).blocks()).isEqualTo(3_153_600);
    assertThat(years.get(1).firstHeight()).isEqualTo(first.lastHeight() + 1);
  }

  @Test
  void zeroSupplyHasNoInflationRate() {
    Milestones noReward =
        TestNetworks.milestones(
            "[{\"height\":1,\"reward\":0,\"activeDelegates\":5,\"blocktime\":20,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"}]");
    EconomicsYear year = new EconomicsProjection(noReward, 0).years(1).get(0);
    assertThat(year.inflationWhitePaper()).isNull();
    assertThat(year.inflationConventional()).isNull();
    assertThat(year.coinsCreated()).isZero();
  }

  @Test
  void overflowIsReported() {
    Milestones huge =
        TestNetworks.milestones(
            "[{\"height\":1,\"reward\":1000000000000000,\"activeDelegates\":5,\"blocktime\":20,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"}]");
    assertThatThrownBy(() -> new EconomicsProjection(huge, 0).years(10))
        .isInstanceOf(ArithmeticException.class);
  }
}
