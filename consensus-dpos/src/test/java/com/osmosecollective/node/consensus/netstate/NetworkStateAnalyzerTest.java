package com.osmosecollective.node.consensus.netstate;

import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OTHER_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OUR_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.block;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peer;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peers;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkStateAnalyzerTest {
  private static final long SLOT = 500;
  private final Block tip = block(100, OUR_DELEGATE, 0);

  @Test
  void aColdStartWinsOverEverythingAndCarriesOurTip() {
    NetworkState state = new NetworkStateAnalyzer(20).analyze(tip, SLOT, true, List.of());

    assertThat(state.status()).isEqualTo(NetworkStateStatus.COLD_START);
    assertThat(state.status().code()).isEqualTo(3);
    assertThat(state.nodeHeight()).isEqualTo(100);
    assertThat(state.lastBlockId()).isEqualTo(tip.id());
    assertThat(state.quorumDetails()).isEqualTo(QuorumDetails.NONE);
    assertThat(state.quorum()).isZero();
  }

  @Test
  void fewerPeersThanTheMinimumNetworkReachGiveNoQuorum() {
    NetworkStateAnalyzer analyzer = new NetworkStateAnalyzer(20);

    NetworkState below = analyzer.analyze(tip, SLOT, false, peers(19, 0, 100, SLOT));
    NetworkState enough = analyzer.analyze(tip, SLOT, false, peers(20, 0, 100, SLOT));

    assertThat(below.status()).isEqualTo(NetworkStateStatus.BELOW_MINIMUM_PEERS);
    assertThat(below.status().code()).isEqualTo(1);
    assertThat(below.quorumDetails().peersQuorum()).isZero();
    assertThat(below.quorum()).isZero();
    assertThat(below.lastBlockId()).isEqualTo(tip.id());
    assertThat(enough.status()).isEqualTo(NetworkStateStatus.DEFAULT);
    assertThat(enough.status().code()).isZero();
    assertThat(enough.quorumDetails().peersQuorum()).isEqualTo(20);
    assertThat(enough.quorum()).isEqualTo(1.0);
  }

  @Test
  void everyPeerIsClassifiedLikeArk() {
    Block aboveA = block(101, OTHER_DELEGATE, 1);
    Block aboveB = block(102, OUR_DELEGATE, 2);
    List<PeerObservation> observed =
        List.of(
            peer("same height, same chain", 100, false, SLOT, true),
            // lower, on our chain: agrees; its slot and window are statistics only
            peer("lower, behind in time", 99, false, SLOT - 1, false),
            peer("forked at our height", 100, true, SLOT, true),
            // above us: over height, never counted as forked even when verification says so
            new PeerObservation("above A", 101, aboveA, true, SLOT, true),
            new PeerObservation("above A again", 101, aboveA, false, SLOT, true),
            new PeerObservation("above B", 102, aboveB, false, SLOT + 1, true));

    NetworkState state = new NetworkStateAnalyzer(0).analyze(tip, SLOT, false, observed);

    assertThat(state.status()).isEqualTo(NetworkStateStatus.DEFAULT);
    QuorumDetails d = state.quorumDetails();
    assertThat(d.peersQuorum()).isEqualTo(2);
    assertThat(d.peersNoQuorum()).isEqualTo(4);
    assertThat(d.peersOverHeight()).isEqualTo(3);
    assertThat(d.peersForked()).isEqualTo(1);
    assertThat(d.peersDifferentSlot()).isEqualTo(2);
    assertThat(d.peersForgingNotAllowed()).isEqualTo(1);
    assertThat(d.peersOverHeightBlockHeaders()).containsOnlyKeys(aboveA.id(), aboveB.id());
    assertThat(state.overHeightBlockHeaders()).containsExactly(aboveA, aboveB);
    assertThat(state.quorum()).isEqualTo(2.0 / 6.0);
  }

  @Test
  void aPeerOnOurHeightWithAnotherSlotStillCountsForTheQuorum() {
    NetworkState state =
        new NetworkStateAnalyzer(1)
            .analyze(tip, SLOT, false, List.of(peer("late clock", 100, false, SLOT + 3, false)));

    assertThat(state.quorumDetails().peersQuorum()).isEqualTo(1);
    assertThat(state.quorumDetails().peersDifferentSlot()).isEqualTo(1);
    assertThat(state.quorumDetails().peersForgingNotAllowed()).isEqualTo(1);
    assertThat(state.quorum()).isEqualTo(1.0);
  }

  @Test
  void noPeersCountedMeansQuorumZeroNotNaN() {
    NetworkState state = new NetworkStateAnalyzer(0).analyze(tip, SLOT, false, List.of());

    assertThat(state.status()).isEqualTo(NetworkStateStatus.DEFAULT);
    assertThat(state.quorum()).isZero();
  }

  @Test
  void unknownAndTestStatesFollowArk() {
    NetworkState unknown = NetworkState.unknown();
    NetworkState test = NetworkState.withoutPeers(NetworkStateStatus.TEST, tip);

    assertThat(unknown.status().code()).isEqualTo(4);
    assertThat(unknown.hasTip()).isFalse();
    assertThat(unknown.quorum()).isZero();
    assertThat(test.status().code()).isEqualTo(2);
    assertThat(test.quorum()).as("ARK's test environment reports full quorum").isEqualTo(1.0);
  }
}
