package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.DevnetFiles;
import com.osmosecollective.node.acceptance.dsl.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two forgers and nobody else, on a local devnet (which forges without a quorum): ARK's fork rule
 * (spec §3.6: roll back when the forked peers outnumber the agreeing ones + 1) never fires between
 * two nodes, so without a tie-break they would stay on two forks forever. Started apart, each
 * builds its own chain from the genesis block; once connected, exactly one gives way and they end
 * on one chain: at equal heights the node whose branch loses the tie-break (ARK's rule for two
 * blocks at one height: the later slot wins) rolls back; when one branch grew longer meanwhile (a
 * slow restart), the shorter one does, as in ARK. {@code ForkTieBreakTest} covers the rule itself.
 */
class TwoForgersIT {
  @TempDir Path dir;

  @Test
  @DisplayName("two forgers alone on two forks end on one chain: one of them rolls back")
  void twoForgersOnTwoForksEndOnOneChain() {
    try (Cluster cluster = Cluster.in(dir)) {
      DevnetFiles devnet = cluster.createDevnet("genesis", 3);
      List<List<String>> halves = devnet.splitSecrets(2); // 25 + 26 delegates
      Node a =
          cluster
              .start("forger-a")
              .args("--network", devnet.networkArg())
              .forging(halves.get(0))
              .create();
      Node b =
          cluster
              .start("forger-b")
              .args("--network", devnet.networkArg())
              .forging(halves.get(1))
              .create();
      a.start();
      b.start();
      // apart: each forges its own branch from the genesis block
      a.awaitHeight(3, Duration.ofSeconds(30));
      b.awaitHeight(3, Duration.ofSeconds(30));
      JsonNode aSecond = a.api().getOk("/blocks/2").path("data");
      JsonNode bSecond = b.api().getOk("/blocks/2").path("data");
      assertThat(aSecond.path("id").asText())
          .as("the two nodes forged two branches")
          .isNotEqualTo(bSecond.path("id").asText());
      // the branch whose first block has the later slot wins ARK's same-height rule
      boolean aWins =
          aSecond.path("timestamp").path("epoch").asLong()
              > bSecond.path("timestamp").path("epoch").asLong();
      String tieBreakWinner = (aWins ? aSecond : bSecond).path("id").asText();

      // connected: b is restarted with a as its peer (a learns b as an inbound caller)
      b.stop(Duration.ofSeconds(30));
      b.set("--peers", a.peerAddress());
      b.start();
      long tip = Math.max(a.height(), b.height());
      Cluster.awaitSameBlock(tip + 1, Duration.ofSeconds(40), a, b);

      String kept = a.blockId(2).orElseThrow();
      assertThat(b.blockId(2)).as("one chain from height 2 on").contains(kept);
      Node rolledBack = kept.equals(aSecond.path("id").asText()) ? b : a;
      assertThat(rolledBack.log()).containsPattern("rolling back \\d+ block");
      // equal heights when they meet: the tie-break decides; a slow restart (a loaded machine)
      // lets a forge ahead meanwhile, and then the longer chain wins as in ARK
      if (rolledBack.log().contains("theirs wins the tie-break, ours is rolled back")) {
        assertThat(kept)
            .as("the tie-break keeps the later slot's branch")
            .isEqualTo(tieBreakWinner);
      }
    }
  }
}
