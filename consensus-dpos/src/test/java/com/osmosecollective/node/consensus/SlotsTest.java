package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.testing.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private static final BlockTimestampLookup GENESIS = BlockTimestampLookup.genesisOnly();

  /** Blocktime 8 until height 10, then 4; block 10 was stamped 100 (two slots were missed). */
  private static final Milestones ONE_CHANGE =
      TestNetworks.milestones(
          "[{\"height\":1,\"activeDelegates\":5,\"blocktime\":8,"
              + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},{\"height\":11,\"blocktime\":4}]");

  @Test
  void matchesArkSlotVectorsOnTheOsmoseNetwork() {
    JsonNode slotVectors = TestData.load("crypto.json").get("slots");
    Network osmose = TestNetworks.shipped("osmose-2018");
    assertThat(osmose.epoch()).isEqualTo(Instant.parse(slotVectors.get("epoch").asText()));
    assertThat(osmose.milestones().first().blocktime())
        .isEqualTo(slotVectors.get("blocktime").asInt());
    Slots slots = new Slots(osmose.milestones());
    assertThat(slotVectors.get("rows")).hasSize(7);
    for (JsonNode row : slotVectors.get("rows")) {
      Clock clock =
          Clock.fixed(Instant.ofEpochMilli(row.get("unixTimeMs").asLong()), ZoneOffset.UTC);
      long now = new NetworkTime(osmose.epoch(), clock).now();
      assertThat(now).as("epoch time of %s", row).isEqualTo(row.get("epochTimestamp").asLong());
      // The generator asked for height 2.
      SlotInfo info = slots.info(now, 2, GENESIS);
      assertThat(info.slotNumber()).as("slot of %s", row).isEqualTo(row.get("slotNumber").asLong());
      assertThat(slots.slotTime(info.slotNumber(), 2, GENESIS))
          .isEqualTo(row.get("slotStartTimestamp").asLong());
      assertThat(info.startTime()).isEqualTo(row.get("slotStartTimestamp").asLong());
      assertThat(info.forgingAllowed()).isEqualTo(row.get("forgingAllowed").asBoolean());
    }
  }

  @Test
  void arkMainnetSlotsAreEightSecondsWithAFourSecondWindow() {
    Slots slots = new Slots(TestNetworks.arkMainnet());
    SlotInfo info = slots.info(803, 10_000_000, GENESIS);
    assertThat(info.slotNumber()).isEqualTo(100);
    assertThat(info.startTime()).isEqualTo(800);
    assertThat(info.endTime()).isEqualTo(807);
    assertThat(info.blockTime()).isEqualTo(8);
    assertThat(info.forgingAllowed()).isTrue();
    assertThat(slots.forgingAllowed(804, 10_000_000, GENESIS)).isFalse();
  }

  @Property(tries = 300)
  void withOneBlocktimeSlotsAreFlooredDivisions(
      @ForAll @LongRange(min = -1_000_000, max = 4_000_000_000L) long timestamp,
      @ForAll @LongRange(min = 1, max = 50_000_000) long height) {
    Slots slots = new Slots(TestNetworks.shipped("mainnet").milestones());
    SlotInfo info = slots.info(timestamp, height, GENESIS);
    assertThat(info.slotNumber()).isEqualTo(Math.floorDiv(timestamp, 20));
    assertThat(info.startTime()).isEqualTo(Math.floorDiv(timestamp, 20) * 20);
    assertThat(info.forgingAllowed()).isEqualTo(Math.floorMod(timestamp, 20) < 10);
  }

  @Test
  void blocktimeChangeStartsANewSpanAfterTheLastBlockOfTheOldOne() {
    Slots slots = new Slots(ONE_CHANGE);
    BlockTimestampLookup lookup = BlockTimestampLookup.of(Map.of(10L, 100L));
    // First span: from ts(1)=0 to ts(10)+8 = 108, i.e. 108/8 = 13 slots of 8 s.
    assertThat(slots.info(108, 11, lookup)).isEqualTo(new SlotInfo(108, 111, 4, 13, true));
    assertThat(slots.info(110, 11, lookup).forgingAllowed()).isFalse();
    assertThat(slots.info(112, 11, lookup)).isEqualTo(new SlotInfo(112, 115, 4, 14, true));
    assertThat(slots.slotTime(20, 11, lookup)).isEqualTo(108 + 7 * 4);
    // Seen from height 10 the milestone is not reached yet: 8 s slots from the epoch.
    assertThat(slots.info(108, 10, lookup)).isEqualTo(new SlotInfo(104, 111, 8, 13, false));
    assertThat(slots.slotTime(20, 10, lookup)).isEqualTo(160);
  }

  @Test
  void twoBlocktimeChangesChainTheirSpans() {
    Milestones milestones =
        TestNetworks.milestones(
            "[{\"height\":1,\"activeDelegates\":5,\"blocktime\":8,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},"
                + "{\"height\":11,\"blocktime\":4},{\"height\":21,\"blocktime\":6}]");
    Slots slots = new Slots(milestones);
    // ARK reads ts(11), the first block of the second span, as that span's start.
    BlockTimestampLookup lookup = BlockTimestampLookup.of(Map.of(10L, 100L, 11L, 112L, 20L, 150L));
    // Span 1: 13 slots ending at 108. Span 2: from 112 to 150+4 = 154, (154-112)/4 = 10 slots.
    assertThat(slots.info(154, 25, lookup)).isEqualTo(new SlotInfo(154, 159, 6, 23, true));
    assertThat(slots.info(160, 25, lookup).slotNumber()).isEqualTo(24);
    assertThat(slots.slotTime(30, 25, lookup)).isEqualTo(154 + 7 * 6);
  }

  @Test
  void aRepeatedBlocktimeIsNotAChange() {
    Milestones milestones =
        TestNetworks.milestones(
            "[{\"height\":1,\"activeDelegates\":5,\"blocktime\":8,"
                + "\"epoch\":\"2020-01-01T00:00:00.000Z\"},"
                + "{\"height\":11,\"blocktime\":8,\"reward\":5}]");
    // No lookup beyond genesis is needed, so no span boundary was created.
    assertThat(new Slots(milestones).info(1000, 50, GENESIS).slotNumber()).isEqualTo(125);
  }

  @Test
  void missingLookupEntryIsReportedNotGuessed() {
    Slots slots = new Slots(ONE_CHANGE);
    assertThatThrownBy(() -> slots.info(200, 11, GENESIS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("height 10");
  }

  @Property(tries = 300)
  void afterAChangeEveryTimeLiesInItsSlot(
      @ForAll @LongRange(min = 108, max = 10_000_000) long timestamp) {
    Slots slots = new Slots(ONE_CHANGE);
    BlockTimestampLookup lookup = BlockTimestampLookup.of(Map.of(10L, 100L));
    SlotInfo info = slots.info(timestamp, 50, lookup);
    assertThat(slots.slotTime(info.slotNumber(), 50, lookup)).isEqualTo(info.startTime());
    assertThat(timestamp).isBetween(info.startTime(), info.endTime());
    assertThat(slots.slotTime(info.slotNumber() + 1, 50, lookup)).isEqualTo(info.endTime() + 1);
    assertThat(info.slotNumber()).isEqualTo(13 + (timestamp - 108) / 4);
  }

  @Test
  void millisUntilNextSlotCountsFromTheWholeSecond() {
    Slots slots = new Slots(TestNetworks.shipped("mainnet").milestones());
    assertThat(slots.millisUntilNextSlot(41, 2, GENESIS)).isEqualTo(19_000);
    assertThat(slots.millisUntilNextSlot(59, 2, GENESIS)).isEqualTo(1_000);
    assertThat(slots.millisUntilNextSlot(60, 2, GENESIS)).isEqualTo(20_000);
  }

  @Test
  void networkTimeFloorsAndFollowsTheInjectedClock() {
    Instant epoch = Instant.parse("2027-01-01T00:00:00Z");
    NetworkTime time =
        new NetworkTime(epoch, Clock.fixed(epoch.plusMillis(20_999), ZoneOffset.UTC));
    assertThat(time.now()).isEqualTo(20);
    assertThat(time.nowMillis()).isEqualTo(epoch.toEpochMilli() + 20_999);
    assertThat(time.epochTimeOf(epoch.toEpochMilli() - 1)).isEqualTo(-1);
    assertThat(time.unixMillisOf(20)).isEqualTo(epoch.toEpochMilli() + 20_000);
  }
}
