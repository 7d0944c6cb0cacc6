package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.ForgingTurn;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.consensus.forger.QuorumGate;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.consensus.netstate.NetworkStateSource;
import com.osmosecollective.node.consensus.netstate.PeerObservation;
import com.osmosecollective.node.core.block.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forger's network gate and its 2000 ms rule, on a chain with a controllable clock. */
class ForgerGateAndTimingTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void aRefusingGateIsAskedOncePerSlotAndTheNextSlotForgesWhenItOpens() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      AtomicBoolean open = new AtomicBoolean();
      List<ForgingTurn> asked = new ArrayList<>();
      Forger forger =
          t.forger(
              TransactionSource.EMPTY,
              turn -> {
                asked.add(turn);
                return open.get();
              });
      Block genesis = t.chain.snapshot().lastBlock();
      String owner = t.chain.snapshot().nextForgingOrder().get((int) (FIRST_SLOT % 51));

      t.atSlot(FIRST_SLOT);
      assertThat(forger.forgeIfDue()).isEmpty();
      open.set(true);
      assertThat(forger.forgeIfDue()).as("the slot was refused once").isEmpty();

      assertThat(asked).containsExactly(new ForgingTurn(owner, 1, genesis.id()));
      assertThat(t.chain.snapshot().height()).isEqualTo(1);
      t.atSlot(FIRST_SLOT + 1);
      assertThat(forger.forgeIfDue().orElseThrow().outcome().isAccepted()).isTrue();
      assertThat(asked).hasSize(2);
      assertThat(t.chain.snapshot().height()).isEqualTo(2);
    }
  }

  @Test
  void withPeersTheForgerFollowsTheirQuorum() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      AtomicReference<List<PeerObservation>> observed = new AtomicReference<>(List.of());
      ColdStart coldStart = new ColdStart();
      NetworkStateSource states =
          new NetworkStateSource(
              () -> t.chain.snapshot().lastBlock(),
              t.chain.timestampLookup(),
              new NetworkTime(t.network.epoch(), t.clock),
              new Slots(t.network.milestones()),
              () -> CompletableFuture.completedFuture(observed.get()),
              coldStart,
              NetworkStateConfig.defaults());
      Forger forger =
          t.forger(
              TransactionSource.EMPTY,
              new QuorumGate(states::current, NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS));
      long slot = FIRST_SLOT;

      observed.set(peersOnOurTip(t, 13, 7, slot)); // 0.65
      t.atSlot(slot);
      assertThat(forger.forgeIfDue()).isEmpty();
      assertThat(t.chain.snapshot().height()).isEqualTo(1);

      observed.set(peersOnOurTip(t, 14, 6, ++slot)); // 0.70
      t.atSlot(slot);
      assertThat(forger.forgeIfDue().orElseThrow().outcome().isAccepted()).isTrue();
      assertThat(t.chain.snapshot().height()).isEqualTo(2);

      observed.set(peersOnOurTip(t, 19, 0, ++slot)); // fewer than 20 peers
      t.atSlot(slot);
      assertThat(forger.forgeIfDue()).isEmpty();

      observed.set(peersOnOurTip(t, 20, 0, ++slot));
      coldStart.arm();
      t.atSlot(slot);
      assertThat(forger.forgeIfDue()).as("cold start skips one slot").isEmpty();
      t.atSlot(++slot);
      assertThat(forger.forgeIfDue().orElseThrow().outcome().isAccepted()).isTrue();
      assertThat(t.chain.snapshot().height()).isEqualTo(3);
    }
  }

  @Test
  void theGateIsNotAskedOutsideOurForgingWindow() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      List<ForgingTurn> asked = new ArrayList<>();
      Forger forger =
          t.forger(
              TransactionSource.EMPTY,
              turn -> {
                asked.add(turn);
                return true;
              });
      // the second half of the slot is outside the forging window
      t.clock.set(t.network.epoch().plusSeconds(FIRST_SLOT * TestChain.BLOCKTIME + 4));

      assertThat(forger.forgeIfDue()).isEmpty();
      assertThat(asked).isEmpty();
    }
  }

  @Test
  void aBlockMadeWithLessThanTwoSecondsLeftInItsSlotIsDroppedAndItsSlotStaysUsed()
      throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      AtomicLong millisLeftAfterCollecting = new AtomicLong();
      // a slow pool: collecting the transactions takes the slot to the given time left
      TransactionSource slow =
          (maxTransactions, maxBytes) -> {
            t.clock.set(
                t.now().plusMillis(TestChain.BLOCKTIME * 1000L - millisLeftAfterCollecting.get()));
            return List.of();
          };
      Forger forger = t.forger(slow, NetworkGate.ALONE);

      millisLeftAfterCollecting.set(1999);
      t.atSlot(FIRST_SLOT);
      Forger.Forged dropped = forger.forgeIfDue().orElseThrow();
      assertThat(dropped.outcome().status()).isEqualTo(BlockStatus.REJECTED);
      assertThat(dropped.outcome().reason()).contains("1999 ms");
      assertThat(t.chain.snapshot().height()).as("never handed to the chain").isEqualTo(1);
      t.atSlot(FIRST_SLOT);
      assertThat(forger.forgeIfDue()).as("the slot was used: never sign twice").isEmpty();

      millisLeftAfterCollecting.set(-1);
      t.atSlot(FIRST_SLOT + 1);
      assertThat(forger.forgeIfDue().orElseThrow().outcome().reason())
          .contains("slot was already over");

      millisLeftAfterCollecting.set(2000);
      t.atSlot(FIRST_SLOT + 3);
      Forger.Forged used = forger.forgeIfDue().orElseThrow();
      assertThat(used.outcome().isAccepted()).isTrue();
      assertThat(t.chain.snapshot().height()).isEqualTo(2);
      assertThat(t.chain.snapshot().lastBlock().timestamp())
          .isEqualTo((FIRST_SLOT + 3) * TestChain.BLOCKTIME);
    }
  }

  /** Peers whose tip is ours, some of them found forked by fast verification. */
  private static List<PeerObservation> peersOnOurTip(
      TestChain t, int agreeing, int forked, long slot) {
    Block tip = t.chain.snapshot().lastBlock();
    List<PeerObservation> peers = new ArrayList<>();
    for (int i = 0; i < agreeing + forked; i++) {
      peers.add(
          new PeerObservation(
              "10.0.0." + i + ":4002", tip.height(), tip, i >= agreeing, slot, true));
    }
    return peers;
  }
}
