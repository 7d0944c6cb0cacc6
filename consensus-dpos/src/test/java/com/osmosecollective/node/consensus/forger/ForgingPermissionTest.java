package com.osmosecollective.node.consensus.forger;

import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OTHER_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OUR_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.block;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peers;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateAnalyzer;
import com.osmosecollective.node.consensus.netstate.NetworkStateStatus;
import com.osmosecollective.node.consensus.netstate.PeerObservation;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgingPermissionTest {
  private static final String OURS = Hex.encode(OUR_DELEGATE.publicKey());
  private final Block tip = block(100, OUR_DELEGATE, 0);

  private NetworkState withAgreeing(int agreeing, int forked) {
    return new NetworkStateAnalyzer(20).analyze(tip, 5, false, peers(agreeing, forked, 100, 5));
  }

  @Test
  void aQuorumOfSixtySixPercentIsEnough() {
    assertThat(ForgingPermission.judge(withAgreeing(65, 35), OURS).allowed()).isFalse();
    assertThat(ForgingPermission.judge(withAgreeing(66, 34), OURS).allowed()).isTrue();
    assertThat(ForgingPermission.judge(withAgreeing(67, 33), OURS).allowed()).isTrue();
    assertThat(ForgingPermission.judge(withAgreeing(65, 35), OURS).reason())
        .contains("not enough quorum");
  }

  @Test
  void unknownColdStartAndTooFewPeersForbidForging() {
    for (NetworkStateStatus status :
        List.of(
            NetworkStateStatus.COLD_START,
            NetworkStateStatus.BELOW_MINIMUM_PEERS,
            NetworkStateStatus.UNKNOWN)) {
      NetworkState state =
          status == NetworkStateStatus.UNKNOWN
              ? NetworkState.unknown()
              : NetworkState.withoutPeers(status, tip);
      assertThat(ForgingPermission.judge(state, OURS).allowed()).as("%s", status).isFalse();
    }
  }

  @Test
  void arksTestStatusAllowsForging() {
    NetworkState test = NetworkState.withoutPeers(NetworkStateStatus.TEST, tip);

    assertThat(ForgingPermission.judge(test, OURS).allowed()).isTrue();
  }

  @Test
  void overHeightBlocksSignedByOurDelegateAreReportedAsPossibleDoubleForging() {
    Block oursAbove = block(101, OUR_DELEGATE, 7);
    Block theirsAbove = block(101, OTHER_DELEGATE, 8);
    List<PeerObservation> observed = new ArrayList<>(peers(20, 0, 100, 5));
    observed.add(new PeerObservation("x", 101, oursAbove, false, 5, true));
    observed.add(new PeerObservation("y", 101, theirsAbove, false, 5, true));
    NetworkState state = new NetworkStateAnalyzer(20).analyze(tip, 5, false, observed);

    ForgingPermission.Verdict verdict = ForgingPermission.judge(state, OURS);

    assertThat(verdict.allowed()).as("20 of 22 agree").isTrue();
    assertThat(verdict.possibleDoubleForging()).containsExactly(oursAbove);
    assertThat(
            ForgingPermission.judge(state, Hex.encode(OTHER_DELEGATE.publicKey()))
                .possibleDoubleForging())
        .containsExactly(theirsAbove);
  }
}
