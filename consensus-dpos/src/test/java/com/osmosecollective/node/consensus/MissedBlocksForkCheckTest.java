package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MissedBlocksForkCheckTest {
  private static final long TEN_MINUTES = 10 * 60 * 1000;
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private double draw = 0.5;

  private MissedBlocksForkCheck check(int delegates) {
    return new MissedBlocksForkCheck(
        TestNetworks.milestones(
            "[{\"height\":1,\"activeDelegates\":"
                + delegates
                + ",\"blocktime\":8,"
                + "\"epoch\":\"2017-03-21T13:00:00.000Z\"}]"),
        () -> draw,
        clock::get);
  }

  /** Counts misses until the check fires; -1 if it does not within {@code limit}. */
  private static int missesUntilDue(MissedBlocksForkCheck check, int limit) {
    for (int i = 1; i <= limit; i++) {
      if (check.onMissedSlot(10)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void sixteenMissesOfFiftyOneDelegatesCallForTheForkCheck() {
    MissedBlocksForkCheck check = check(51);

    assertThat(missesUntilDue(check, 100)).isEqualTo(16);
    assertThat(check.missedSinceReset()).isZero();
  }

  @Test
  void theThresholdIsAFractionLikeInJavaScript() {
    // 10 / 3 - 1 = 2.33: the third miss reaches it
    assertThat(missesUntilDue(check(10), 100)).isEqualTo(3);
  }

  @Test
  void anUnluckyDrawKeepsCountingWithoutChecking() {
    MissedBlocksForkCheck check = check(51);
    draw = 0.81;
    assertThat(missesUntilDue(check, 20)).isEqualTo(-1);
    assertThat(check.missedSinceReset()).isEqualTo(20);

    draw = 0.8;
    assertThat(check.onMissedSlot(10)).as("0.8 itself passes").isTrue();
  }

  @Test
  void theForkCheckRunsAtMostEveryTenMinutesButTheCountRestartsAnyway() {
    MissedBlocksForkCheck check = check(51);
    assertThat(missesUntilDue(check, 16)).isEqualTo(16);

    clock.addAndGet(TEN_MINUTES - 1);
    assertThat(missesUntilDue(check, 16)).as("too soon").isEqualTo(-1);
    assertThat(check.missedSinceReset()).as("restarted at the threshold").isZero();

    clock.addAndGet(1);
    assertThat(missesUntilDue(check, 16)).isEqualTo(16);
  }

  @Test
  void aNewRoundRestartsTheCount() {
    MissedBlocksForkCheck check = check(51);
    assertThat(missesUntilDue(check, 15)).isEqualTo(-1);

    check.onNewRound();

    assertThat(check.missedSinceReset()).isZero();
    assertThat(missesUntilDue(check, 15)).isEqualTo(-1);
    assertThat(check.onMissedSlot(10)).isTrue();
  }
}
