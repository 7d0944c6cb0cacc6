package com.osmosecollective.node.p2p.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.p2p.node.TestNetwork;
import com.osmosecollective.node.p2p.node.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three in-process nodes: a full mesh by discovery, and a minority chain rolled back (§3.6). */
@Timeout(180)
class ThreeNodesIT {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void aMinorityChainRollsBackToTheMajorityOnceItMeetsThePeers() throws Exception {
    TestNetwork net = TestNetwork.create();
    try (TestNode a = TestNode.open(net, dir.resolve("a"));
        TestNode c = TestNode.open(net, dir.resolve("c"))) {
      // the same 20 blocks on both (same keys, same slots, no transactions: the same ids)
      long slot = a.forgeUntil(20, FIRST_SLOT);
      assertThat(c.forgeUntil(20, FIRST_SLOT)).isEqualTo(slot);
      assertThat(c.tip().id()).isEqualTo(a.tip().id());
      // then apart: C alone forges 3 blocks, the majority (A, then B) 5 in later slots
      c.forgeUntil(23, slot);
      a.forgeUntil(25, slot + 3);
      String minorityTip = c.tip().id();
      a.startP2p(TestNode.settings("node-a"));
      try (TestNode b =
          TestNode.start(net, dir.resolve("b"), TestNode.settings("node-b", a.address()))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> b.height() == 25);

        c.startP2p(TestNode.settings("node-c", a.address()));
        // C meets A; discovery (getPeers) brings it B too; the peers' fork check rolls C back
        // to the common block 20, then C syncs the majority chain
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> c.height() == 25 && c.tip().id().equals(a.tip().id()));
        assertThat(c.tip().id()).isNotEqualTo(minorityTip);
        await().atMost(Duration.ofSeconds(30)).until(() -> c.p2p.peers().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.p2p.peers().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> b.p2p.peers().size() == 2);

        // one chain from here on: a block forged on B reaches A and C
        b.forgeUntil(26, slot + 8);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    a.height() == 26
                        && c.height() == 26
                        && a.tip().id().equals(b.tip().id())
                        && c.tip().id().equals(b.tip().id()));
      }
    }
  }
}
