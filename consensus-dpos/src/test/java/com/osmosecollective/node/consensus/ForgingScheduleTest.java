package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Milestones;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForgingScheduleTest {
  private static final BlockTimestampLookup GENESIS = BlockTimestampLookup.genesisOnly();

  /** 5 delegates with 10 s blocks, 3 delegates from height 11 (the start of round 3). */
  private static final Milestones SHRINKING =
      TestNetworks.milestones(
          "[{\"height\":1,\"activeDelegates\":5,\"blocktime\":10,"
              + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},{\"height\":11,\"activeDelegates\":3}]");

  private static ForgingSchedule schedule(Milestones milestones) {
    return new ForgingSchedule(milestones, new Slots(milestones));
  }

  @Test
  void onMainnetTheForgerIsTheSlotModuloFiftyOne() {
    Milestones mainnet = TestNetworks.shipped("mainnet").milestones();
    ForgingSchedule schedule = schedule(mainnet);
    // epoch time 20*1000 + 3 is in slot 1000, 3 s into it
    ForgingInfo info = schedule.forgingInfo(20_003, 500, GENESIS);
    assertThat(info).isEqualTo(new ForgingInfo(1000 % 51, 1000 % 51 + 1, 20_000, true));
    assertThat(schedule.forgingInfo(20_010, 500, GENESIS).canForge()).isFalse();
    // slot 50 is the last index, the next forger wraps to 0
    assertThat(schedule.forgingInfo(50 * 20, 500, GENESIS))
        .isEqualTo(new ForgingInfo(50, 0, 1000, true));

    List<Integer> order = IntStream.range(0, 51).boxed().toList();
    assertThat(schedule.scheduledForger(order, 20_003, 500, GENESIS)).contains(1000 % 51);
  }

  @Test
  void afterADelegateCountChangeIndicesCountFromTheNextSlot() {
    ForgingSchedule schedule = schedule(SHRINKING);
    // Block 10 was stamped 200, slot 20, so the new span's slots start at 21.
    BlockTimestampLookup lookup = BlockTimestampLookup.of(Map.of(10L, 200L));
    assertThat(schedule.forgerIndex(21, 11, lookup)).isZero();
    assertThat(schedule.forgerIndex(25, 11, lookup)).isEqualTo(1);
    assertThat(schedule.forgingInfo(250, 12, lookup)).isEqualTo(new ForgingInfo(1, 2, 250, true));
    assertThat(schedule.forgingInfo(260, 12, lookup).nextForger()).isZero();
    // Below the milestone height the old count applies: 25 % 5.
    assertThat(schedule.forgerIndex(25, 10, lookup)).isZero();
  }

  @Test
  void aSlotBeforeTheSpanGivesNoScheduledForgerLikeArk() {
    ForgingSchedule schedule = schedule(SHRINKING);
    BlockTimestampLookup lookup = BlockTimestampLookup.of(Map.of(10L, 200L));
    // slot 19 - 21 = -2: JavaScript's % keeps the sign, list[-2] does not exist
    assertThat(schedule.forgerIndex(19, 11, lookup)).isEqualTo(-2);
    assertThat(schedule.scheduledForger(List.of("a", "b", "c"), 190, 11, lookup)).isEmpty();
    // and an order shorter than the delegate count has no forger for the high indices
    assertThat(schedule.scheduledForger(List.of("a"), 230, 11, lookup)).isEmpty();
    assertThat(schedule.scheduledForger(List.of("a", "b", "c"), 230, 11, lookup)).contains("c");
  }

  @Test
  void missedSlotsNameTheirOwnersAtMostOnceEach() {
    Milestones mainnet = TestNetworks.shipped("mainnet").milestones();
    MissedSlots missed = new MissedSlots(new Slots(mainnet));
    List<String> order = IntStream.range(0, 51).mapToObj(i -> "d" + i).toList();
    // last block in slot 60, new one in slot 64: slots 61, 62 and 63 were missed
    assertThat(missed.between(100, 60 * 20 + 5, 64 * 20, order, GENESIS))
        .containsExactly(
            new MissedSlots.MissedSlot<>(61, "d10"),
            new MissedSlots.MissedSlot<>(62, "d11"),
            new MissedSlots.MissedSlot<>(63, "d12"));
    assertThat(missed.between(100, 60 * 20, 61 * 20, order, GENESIS)).isEmpty();
    // a gap of more than a round reports each delegate once
    assertThat(missed.between(100, 0, 500 * 20, order, GENESIS)).hasSize(51);
    // nothing is reported right after genesis
    assertThat(missed.between(1, 0, 64 * 20, order, GENESIS)).isEmpty();
  }

  @Test
  void missedRoundListsDelegatesWithoutABlock() {
    List<String> order = List.of("k1", "k2", "k3", "k4");
    assertThat(MissedSlots.missedRound(order, k -> k, List.of("k3", "k1", "k3")))
        .containsExactly("k2", "k4");
    assertThat(MissedSlots.missedRound(order, k -> k, order)).isEmpty();
  }

  @Test
  void blockTimestampRules() {
    Milestones mainnet = TestNetworks.shipped("mainnet").milestones();
    BlockTimestampRules rules = new BlockTimestampRules(mainnet, new Slots(mainnet));
    // chaining needs a later slot, not just a later second
    assertThat(rules.isAfterPreviousSlot(40, 59, 3, GENESIS)).isFalse();
    assertThat(rules.isAfterPreviousSlot(40, 60, 3, GENESIS)).isTrue();
    assertThat(rules.isAfterPreviousSlot(60, 40, 3, GENESIS)).isFalse();
    // a block in the current slot is fine even if stamped later than now; the next slot is not
    assertThat(rules.isInFutureSlot(79, 61, 3, GENESIS)).isFalse();
    assertThat(rules.isInFutureSlot(80, 79, 3, GENESIS)).isTrue();
    // at most one blocktime (20 s on mainnet) ahead of the local clock
    assertThat(rules.isTooFarAhead(120, 3, 100)).isFalse();
    assertThat(rules.isTooFarAhead(121, 3, 100)).isTrue();
    // own forger: same slot with at least 2 s left
    assertThat(rules.isForgedTooLate(60, 61, 3, GENESIS)).isFalse();
    assertThat(rules.isForgedTooLate(60, 78, 3, GENESIS)).isFalse();
    assertThat(rules.isForgedTooLate(60, 79, 3, GENESIS)).isTrue();
    assertThat(rules.isForgedTooLate(40, 61, 3, GENESIS)).isTrue();
    // synced: last block younger than 3 blocktimes (1 with fast sync), always without peers
    assertThat(rules.isSynced(1000, 50, 1059, true, false)).isTrue();
    assertThat(rules.isSynced(1000, 50, 1060, true, false)).isFalse();
    assertThat(rules.isSynced(1000, 50, 1019, true, true)).isTrue();
    assertThat(rules.isSynced(1000, 50, 1020, true, true)).isFalse();
    assertThat(rules.isSynced(1000, 50, 99_999, false, false)).isTrue();
  }
}
