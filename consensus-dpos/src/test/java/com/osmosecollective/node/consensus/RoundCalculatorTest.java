package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.config.Milestones;
import org.junit.jupiter.api.Test;

class RoundCalculatorTest {
  /** 51 delegates, then 40 from height 103 (the start of round 3), then 7 from 263 (round 7). */
  private static final Milestones CHANGING =
      TestNetworks.milestones(
          "[{\"height\":1,\"activeDelegates\":51,\"blocktime\":8,"
              + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},"
              + "{\"height\":103,\"activeDelegates\":40},{\"height\":263,\"activeDelegates\":7}]");

  @Test
  void mainnetRoundsAreFiftyOneHeights() {
    RoundCalculator rounds = new RoundCalculator(TestNetworks.shipped("mainnet").milestones());
    assertThat(rounds.roundOf(1)).isEqualTo(new RoundInfo(1, 1, 1, 51));
    assertThat(rounds.roundOf(50)).isEqualTo(new RoundInfo(1, 1, 1, 51));
    assertThat(rounds.roundOf(51)).isEqualTo(new RoundInfo(1, 1, 2, 51));
    assertThat(rounds.roundOf(52)).isEqualTo(new RoundInfo(2, 52, 2, 51));
    assertThat(rounds.roundOf(102)).isEqualTo(new RoundInfo(2, 52, 3, 51));
    assertThat(rounds.roundOf(103)).isEqualTo(new RoundInfo(3, 103, 3, 51));
    assertThat(rounds.isNewRound(1)).isTrue();
    assertThat(rounds.isNewRound(52)).isTrue();
    assertThat(rounds.isNewRound(103)).isTrue();
    assertThat(rounds.isNewRound(51)).isFalse();
    assertThat(rounds.isNewRound(53)).isFalse();
    assertThat(rounds.firstHeight(2)).isEqualTo(52);
    assertThat(rounds.lastHeight(2)).isEqualTo(102);
    // round(h) = floor((h-1)/51) + 1 far from genesis
    assertThat(rounds.roundOf(16_000_000).round()).isEqualTo((16_000_000 - 1) / 51 + 1);
  }

  @Test
  void delegateCountChangesAtARoundStart() {
    RoundCalculator rounds = new RoundCalculator(CHANGING);
    assertThat(rounds.roundOf(102)).isEqualTo(new RoundInfo(2, 52, 3, 51));
    assertThat(rounds.roundOf(103)).isEqualTo(new RoundInfo(3, 103, 3, 40));
    assertThat(rounds.roundOf(142)).isEqualTo(new RoundInfo(3, 103, 4, 40));
    assertThat(rounds.roundOf(143)).isEqualTo(new RoundInfo(4, 143, 4, 40));
    // 103 + 4*40 = 263 starts round 7 with 7 delegates
    assertThat(rounds.roundOf(262)).isEqualTo(new RoundInfo(6, 223, 7, 40));
    assertThat(rounds.roundOf(263)).isEqualTo(new RoundInfo(7, 263, 7, 7));
    assertThat(rounds.roundOf(270)).isEqualTo(new RoundInfo(8, 270, 8, 7));
    assertThat(rounds.isNewRound(143)).isTrue();
    assertThat(rounds.isNewRound(154)).isFalse();
    assertThat(rounds.isNewRound(270)).isTrue();
    assertThat(rounds.round(3)).isEqualTo(new RoundInfo(3, 103, 3, 40));
    assertThat(rounds.lastHeight(6)).isEqualTo(262);
    assertThat(rounds.firstHeight(8)).isEqualTo(270);
  }

  @Test
  void roundsAgreeWithCountingHeightByHeight() {
    RoundCalculator rounds = new RoundCalculator(CHANGING);
    long round = 0;
    long first = 0;
    for (long height = 1; height <= 2_000; height++) {
      int delegates = CHANGING.at(height).activeDelegates();
      boolean starts = height == 1 || height - first == CHANGING.at(first).activeDelegates();
      if (starts) {
        round++;
        first = height;
      }
      assertThat(rounds.isNewRound(height)).as("new round at %d", height).isEqualTo(starts);
      RoundInfo info = rounds.roundOf(height);
      assertThat(info.round()).as("round of %d", height).isEqualTo(round);
      assertThat(info.roundHeight()).isEqualTo(first);
      assertThat(info.maxDelegates()).isEqualTo(delegates);
      assertThat(rounds.firstHeight(round)).isEqualTo(first);
      assertThat(height).isBetween(first, rounds.lastHeight(round));
      assertThat(info.nextRound())
          .isEqualTo(height == rounds.lastHeight(round) ? round + 1 : round);
    }
  }

  @Test
  void rejectsADelegateCountChangeInsideARound() {
    Milestones bad =
        TestNetworks.milestones(
            "[{\"height\":1,\"activeDelegates\":51,\"blocktime\":8,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},{\"height\":100,\"activeDelegates\":40}]");
    assertThatThrownBy(() -> new RoundCalculator(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("height 100");
  }

  @Test
  void rejectsHeightZeroAndRoundZero() {
    RoundCalculator rounds = new RoundCalculator(CHANGING);
    assertThatThrownBy(() -> rounds.roundOf(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rounds.round(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
