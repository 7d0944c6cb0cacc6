package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Milestones;
import org.junit.jupiter.api.Test;

class ForgingMarginTest {
  private static final BlockTimestampLookup GENESIS = BlockTimestampLookup.genesisOnly();

  @Test
  void arksTwoSecondsFromSixSecondBlocksUpAThirdOfShorterOnes() {
    assertThat(ForgingMargin.minimumMillisLeft(20)).isEqualTo(2000);
    assertThat(ForgingMargin.minimumMillisLeft(8)).isEqualTo(2000);
    assertThat(ForgingMargin.minimumMillisLeft(6)).isEqualTo(2000);
    assertThat(ForgingMargin.minimumMillisLeft(5)).isEqualTo(1666);
    assertThat(ForgingMargin.minimumMillisLeft(3)).isEqualTo(1000);
    assertThat(ForgingMargin.minimumMillisLeft(2)).isEqualTo(666);
  }

  @Test
  void theChainTakesItsOwnForgersBlockOnTwoSecondSlotsWithinTheSlot() {
    Milestones twoSeconds = blocktime(2);
    BlockTimestampRules rules = new BlockTimestampRules(twoSeconds, new Slots(twoSeconds));
    // slot of second 40 = seconds 40 and 41: with whole seconds 2000 or 1000 ms are left
    assertThat(rules.isForgedTooLate(40, 40, 5, GENESIS)).isFalse();
    assertThat(rules.isForgedTooLate(40, 41, 5, GENESIS)).isFalse();
    assertThat(rules.isForgedTooLate(40, 42, 5, GENESIS)).isTrue();
    // on 8 s blocks ARK's 2 s hold: the slot's last second is too late
    Milestones eightSeconds = blocktime(8);
    BlockTimestampRules ark = new BlockTimestampRules(eightSeconds, new Slots(eightSeconds));
    assertThat(ark.isForgedTooLate(40, 46, 5, GENESIS)).isFalse();
    assertThat(ark.isForgedTooLate(40, 47, 5, GENESIS)).isTrue();
  }

  private static Milestones blocktime(int seconds) {
    return TestNetworks.milestones(
        "[{\"height\":1,\"reward\":0,\"activeDelegates\":3,\"blocktime\":"
            + seconds
            + ",\"epoch\":\"2020-01-01T00:00:00.000Z\"}]");
  }
}
