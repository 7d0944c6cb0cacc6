package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.ForkTieBreak.BranchStart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARK's fork decision from verified peers (spec §3.6), without sockets. */
class NetworkMonitorTest {
  private static PeerCheck agreeing(long common) {
    return new PeerCheck(null, null, 1, true, common, false);
  }

  private static PeerCheck forkedAt(long common) {
    return new PeerCheck(null, null, 1, false, common, true);
  }

  private static final BranchStart OURS = new BranchStart(300, "a".repeat(64));
  private static final BranchStart LATER = new BranchStart(303, "b".repeat(64));
  private static final BranchStart EARLIER = new BranchStart(297, "c".repeat(64));

  private static PeerCheck forkedAt(long common, BranchStart theirs) {
    return new PeerCheck(null, null, 1, false, common, true, OURS, theirs);
  }

  @Test
  void rollsBackToTheHeightMostForkedPeersShareWhenTheyOutnumberTheOthers() {
    // two peers forked at 20, none agreeing above 20: 2 > 0 + 1
    assertThat(NetworkMonitor.rollbackFor(23, List.of(forkedAt(20), forkedAt(20)))).isEqualTo(3);
    // one forked peer alone is not enough (1 > 0 + 1 is false)
    assertThat(NetworkMonitor.rollbackFor(23, List.of(forkedAt(20)))).isZero();
    // two forked at 20 but two agreeing with us above it: keep our chain
    assertThat(
            NetworkMonitor.rollbackFor(
                23, List.of(forkedAt(20), forkedAt(20), agreeing(23), agreeing(23))))
        .isZero();
  }

  @Test
  void theHighestQualifyingForkHeightWinsNumericallyNotAsText() {
    // ARK sorts heights as text ("9" after "10"); we take the highest height first
    List<PeerCheck> checks =
        List.of(forkedAt(9), forkedAt(9), forkedAt(9), forkedAt(10), forkedAt(10), forkedAt(10));
    assertThat(NetworkMonitor.rollbackFor(12, checks)).isEqualTo(2);
  }

  @Test
  void theRollbackIsCappedAt5000() {
    assertThat(NetworkMonitor.rollbackFor(10_000, List.of(forkedAt(1), forkedAt(1))))
        .isEqualTo(5000);
  }

  @Test
  void twoForgersAloneTheBranchThatLosesTheTieBreakRollsBack() {
    // one forked peer and nobody else: ARK's rule (1 > 0 + 1) never fires; the tie-break does
    assertThat(NetworkMonitor.rollbackFor(23, List.of(forkedAt(20, LATER)))).isEqualTo(3);
    assertThat(NetworkMonitor.rollbackFor(23, List.of(forkedAt(20, EARLIER)))).isZero();
  }

  @Test
  void anEvenSplitIsBrokenTheSameWayButAMajorityForUsIsNot() {
    // two forked peers on one branch against one agreeing peer and us
    assertThat(
            NetworkMonitor.rollbackFor(
                23, List.of(forkedAt(20, LATER), forkedAt(20, LATER), agreeing(23))))
        .isEqualTo(3);
    // one forked peer against one agreeing peer and us: we have the majority, keep our chain
    assertThat(NetworkMonitor.rollbackFor(23, List.of(forkedAt(20, LATER), agreeing(23)))).isZero();
  }

  @Test
  void forkedPeersOnDifferentBranchesAreNoTieToBreak() {
    assertThat(
            NetworkMonitor.rollbackFor(
                23,
                List.of(
                    forkedAt(20, LATER),
                    forkedAt(20, new BranchStart(306, "d".repeat(64))),
                    agreeing(23))))
        .isZero();
  }
}
