package com.osmosecollective.node.consensus.netstate;

import static com.osmosecollective.node.consensus.netstate.PeerFixtures.DEVNET;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OUR_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.block;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peer;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.core.block.Block;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NetworkStateSourceTest {
  private static final int BLOCKTIME = 20; // the shipped devnet's

  /** Epoch time 10,005: slot 500 of the devnet's 20 s slots. */
  private final Clock clock =
      Clock.fixed(DEVNET.epoch().plusSeconds(500L * BLOCKTIME + 5), ZoneOffset.UTC);

  private final AtomicReference<List<PeerObservation>> observed = new AtomicReference<>();
  private final ColdStart coldStart = new ColdStart();
  private final Block tip = block(100, OUR_DELEGATE, 0);

  private NetworkStateSource source(PeerObservations peers, int minimumReach) {
    return new NetworkStateSource(
        () -> tip,
        height -> 0,
        new NetworkTime(DEVNET.epoch(), clock),
        new Slots(DEVNET.milestones()),
        peers,
        coldStart,
        new NetworkStateConfig(minimumReach, 4000));
  }

  @Test
  void theCurrentSlotComesFromTheClock() {
    observed.set(
        List.of(peer("in step", 100, false, 500, true), peer("behind", 100, false, 499, true)));

    NetworkState state =
        source(() -> CompletableFuture.completedFuture(observed.get()), 2).current().join();

    assertThat(state.quorumDetails().peersDifferentSlot()).isEqualTo(1);
    assertThat(state.nodeHeight()).isEqualTo(100);
    assertThat(state.lastBlockId()).isEqualTo(tip.id());
  }

  @Test
  void anArmedColdStartIsReportedOnceThenTheNetworkIsAnalysed() {
    observed.set(peers(3, 0, 100, 500));
    NetworkStateSource source = source(() -> CompletableFuture.completedFuture(observed.get()), 3);
    coldStart.arm();

    assertThat(source.current().join().status()).isEqualTo(NetworkStateStatus.COLD_START);
    assertThat(source.current().join().status()).isEqualTo(NetworkStateStatus.DEFAULT);
    coldStart.arm(); // the next genesis-mode status update
    assertThat(source.current().join().status()).isEqualTo(NetworkStateStatus.COLD_START);
  }

  @Test
  void aFailedObservationFailsTheState() {
    NetworkStateSource source =
        source(() -> CompletableFuture.failedFuture(new IllegalStateException("no socket")), 0);

    assertThatThrownBy(() -> source.current().join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("no socket");
  }
}
