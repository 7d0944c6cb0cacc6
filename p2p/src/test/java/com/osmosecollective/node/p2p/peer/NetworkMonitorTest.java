package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

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
}
