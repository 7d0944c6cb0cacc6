package com.osmosecollective.node.consensus.forger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.core.tx.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forger process's rules over a relay: one block per slot of ours, recorded before it is
 * signed; one gate question per slot; nothing without the relay's round; late blocks dropped.
 */
class RelayForgerTest {
  private static final PrivateKey OURS = PrivateKey.fromPassphrase("relay forger test delegate");
  private static final String OURS_KEY = Hex.encode(OURS.publicKey());
  private static final String OTHER_KEY =
      Hex.encode(PrivateKey.fromPassphrase("someone else").publicKey());
  private static final String TIP_ID = "a".repeat(64);
  private static final long SLOT = 10;
  private static final int BLOCKTIME = 20;

  @TempDir Path dir;

  private final Network network = devnet();
  private final SteppedClock clock = new SteppedClock(network.epoch());
  private final NetworkTime time = new NetworkTime(network.epoch(), clock);
  private final FakeRelay relay = new FakeRelay();
  private final AtomicInteger gateQuestions = new AtomicInteger();

  private static Network devnet() {
    try {
      return new NetworkLoader().loadShipped("devnet");
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The relay's round at the start of {@link #SLOT}, our delegate's turn. */
  private RelayRound round(String forger, long slotStart, boolean canForge) {
    return new RelayRound(
        1,
        List.of(forger, OTHER_KEY),
        forger,
        5,
        TIP_ID,
        slotStart - BLOCKTIME,
        slotStart,
        canForge);
  }

  private void atSecondOfSlot(long slot, double second) {
    clock.set(network.epoch().plusMillis((long) ((slot * BLOCKTIME + second) * 1000)));
  }

  private RelayForger forger(ForgedSlots slots, boolean gateAllows) {
    NetworkGate gate =
        turn -> {
          gateQuestions.incrementAndGet();
          assertThat(turn.lastBlockId()).isEqualTo(TIP_ID);
          return gateAllows;
        };
    return new RelayForger(
        network, relay, time, new DelegateKeys(List.of(OURS)), slots, gate, 1000);
  }

  @Test
  void forgesOneBlockOnTheRelaysTipInOurSlotAndPostsIt() {
    atSecondOfSlot(SLOT, 1.5);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);
    ForgedSlots slots = ForgedSlots.inMemory();
    RelayForger forger = forger(slots, true);

    Optional<Forger.Forged> forged = forger.forgeIfDue();

    assertThat(forged).isPresent();
    Block block = forged.get().block();
    assertThat(block.height()).isEqualTo(6);
    assertThat(block.previousBlock()).isEqualTo(TIP_ID);
    assertThat(block.timestamp()).isEqualTo(SLOT * BLOCKTIME);
    assertThat(block.header().generatorPublicKeyHex()).isEqualTo(OURS_KEY);
    assertThat(forged.get().outcome().isAccepted()).isTrue();
    assertThat(relay.posted).containsExactly(block);
    assertThat(relay.events).containsExactly("block.forged");
    assertThat(slots.lastSlot()).isEqualTo(SLOT);

    // the relay has not taken it yet (same round): the slot is used, nothing more is signed
    atSecondOfSlot(SLOT, 3);
    assertThat(forger.forgeIfDue()).isEmpty();
    assertThat(relay.posted).hasSize(1);
    assertThat(gateQuestions).hasValue(1);
  }

  @Test
  void aSlotRecordedInTheFileIsNeverSignedAgainAfterARestart() throws IOException {
    Path file = dir.resolve("last-forged-slot");
    Files.writeString(file, Long.toString(SLOT));
    atSecondOfSlot(SLOT, 1);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);

    assertThat(forger(ForgedSlots.inFile(file), true).forgeIfDue()).isEmpty();
    assertThat(relay.posted).isEmpty();

    // the next slot of ours is forged, and recorded in the file before it left
    atSecondOfSlot(SLOT + 1, 1);
    relay.round = round(OURS_KEY, (SLOT + 1) * BLOCKTIME, true);
    assertThat(forger(ForgedSlots.inFile(file), true).forgeIfDue()).isPresent();
    assertThat(Files.readString(file)).isEqualTo(Long.toString(SLOT + 1));
  }

  @Test
  void aRefusingGateIsAskedOncePerSlotAndNothingIsSigned() {
    atSecondOfSlot(SLOT, 1);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);
    ForgedSlots slots = ForgedSlots.inMemory();
    RelayForger forger = forger(slots, false);

    assertThat(forger.forgeIfDue()).isEmpty();
    atSecondOfSlot(SLOT, 2);
    assertThat(forger.forgeIfDue()).isEmpty();

    assertThat(gateQuestions).hasValue(1);
    assertThat(slots.lastSlot()).isEqualTo(-1);
    assertThat(relay.posted).isEmpty();
  }

  @Test
  void anotherDelegatesSlotOrAClosedWindowAsksNothingMore() {
    atSecondOfSlot(SLOT, 1);
    relay.round = round(OTHER_KEY, SLOT * BLOCKTIME, true);
    assertThat(forger(ForgedSlots.inMemory(), true).forgeIfDue()).isEmpty();
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, false);
    assertThat(forger(ForgedSlots.inMemory(), true).forgeIfDue()).isEmpty();
    assertThat(gateQuestions).hasValue(0);
    assertThat(relay.posted).isEmpty();
  }

  @Test
  void anUnreachableRelayMeansNoBlockAndNoFailure() {
    atSecondOfSlot(SLOT, 1);
    relay.round = null; // every getCurrentRound fails
    ForgedSlots slots = ForgedSlots.inMemory();
    assertThat(forger(slots, true).forgeIfDue()).isEmpty();
    assertThat(slots.lastSlot()).isEqualTo(-1);
    assertThat(gateQuestions).hasValue(0);
  }

  @Test
  void aPoolThatCannotBeReadGivesAnEmptyBlock() {
    atSecondOfSlot(SLOT, 1);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);
    relay.poolFails = true;
    Optional<Forger.Forged> forged = forger(ForgedSlots.inMemory(), true).forgeIfDue();
    assertThat(forged).isPresent();
    assertThat(forged.get().block().transactions()).isEmpty();
    assertThat(relay.posted).hasSize(1);
  }

  @Test
  void aBlockWithLessThanTwoSecondsLeftInItsSlotIsDroppedNotPosted() {
    atSecondOfSlot(SLOT, 1);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);
    // the pool answers late: the block is made 18.5 s into its slot
    relay.whilePoolIsRead = () -> atSecondOfSlot(SLOT, 18.5);
    ForgedSlots slots = ForgedSlots.inMemory();
    Optional<Forger.Forged> forged = forger(slots, true).forgeIfDue();
    assertThat(forged).isPresent();
    assertThat(forged.get().outcome().isAccepted()).isFalse();
    assertThat(forged.get().outcome().reason()).contains("1500 ms");
    assertThat(relay.posted).isEmpty();
    assertThat(slots.lastSlot()).isEqualTo(SLOT);
  }

  @Test
  void theRelayIsAskedOncePerSlotAndOnlyInsideTheForgingWindow() {
    relay.round = round(OTHER_KEY, SLOT * BLOCKTIME, true);
    RelayForger forger = forger(ForgedSlots.inMemory(), true);
    atSecondOfSlot(SLOT, 1);
    forger.forgeIfDue();
    atSecondOfSlot(SLOT, 2);
    forger.forgeIfDue();
    assertThat(relay.roundRequests).hasValue(1);
    atSecondOfSlot(SLOT, 12); // the window (the first 10 s) is over
    forger.forgeIfDue();
    assertThat(relay.roundRequests).hasValue(1);
    atSecondOfSlot(SLOT + 1, 0.5);
    relay.round = round(OTHER_KEY, (SLOT + 1) * BLOCKTIME, true);
    forger.forgeIfDue();
    assertThat(relay.roundRequests).hasValue(2);
  }

  @Test
  void aRelayWhoseSlotIsNotOursIsNotFollowed() {
    atSecondOfSlot(SLOT + 1, 1);
    relay.round = round(OURS_KEY, SLOT * BLOCKTIME, true);
    assertThat(forger(ForgedSlots.inMemory(), true).forgeIfDue()).isEmpty();
    assertThat(gateQuestions).hasValue(0);
    assertThat(relay.posted).isEmpty();
  }

  @Test
  void aNetworkThatChangesItsBlocktimeIsRefused() throws Exception {
    Network changing =
        new NetworkLoader()
            .fromJson(
                new ObjectMapper()
                    .readTree(
                        "{\"network\":{\"name\":\"changing\",\"pubKeyHash\":115,\"wif\":44},"
                            + "\"milestones\":[{\"height\":1,\"epoch\":\"2017-01-01T00:00:00.000Z\",\"blocktime\":8,"
                            + "\"activeDelegates\":51,\"reward\":0},"
                            + "{\"height\":100,\"blocktime\":10}]}"),
                null);
    assertThatThrownBy(
            () ->
                new RelayForger(
                    changing,
                    relay,
                    time,
                    new DelegateKeys(List.of(OURS)),
                    ForgedSlots.inMemory(),
                    NetworkGate.ALONE,
                    1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changes its blocktime");
  }

  private static final class FakeRelay implements ForgerRelay {
    RelayRound round;
    boolean poolFails;
    Runnable whilePoolIsRead = () -> {};
    final AtomicInteger roundRequests = new AtomicInteger();
    final List<Block> posted = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public CompletableFuture<RelayRound> currentRound() {
      roundRequests.incrementAndGet();
      return round == null
          ? CompletableFuture.failedFuture(new IOException("connection refused"))
          : CompletableFuture.completedFuture(round);
    }

    @Override
    public CompletableFuture<NetworkState> networkState() {
      return CompletableFuture.completedFuture(NetworkState.unknown());
    }

    @Override
    public CompletableFuture<List<Transaction>> unconfirmedTransactions(long height) {
      whilePoolIsRead.run();
      return poolFails
          ? CompletableFuture.failedFuture(new IOException("socket closed"))
          : CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<BlockOutcome> postBlock(Block block) {
      posted.add(block);
      return CompletableFuture.completedFuture(BlockOutcome.accepted());
    }

    @Override
    public CompletableFuture<Boolean> syncBlockchain() {
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> emitEvent(String event, String detail) {
      events.add(event);
      return CompletableFuture.completedFuture(true);
    }
  }
}
