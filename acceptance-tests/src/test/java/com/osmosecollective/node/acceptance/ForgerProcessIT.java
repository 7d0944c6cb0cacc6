package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.DevnetFiles;
import com.osmosecollective.node.acceptance.dsl.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forger as its own process ({@code osmose forger --relay}), as ARK's core-forger: a relay
 * ({@code osmose start} on a devnet's network file, without --forge) forges nothing by itself; a
 * forger process holding the delegates' keys forges through the relay's internal P2P routes;
 * killing it stops forging and restarting it resumes. The internal routes answer only the relay's
 * remote-access addresses (SV-029, SV-063).
 */
class ForgerProcessIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  private Path networkFile;
  private Path secrets;

  /** A devnet's network file and its 51 delegates' secrets. */
  @BeforeEach
  void makeDevnet() throws Exception {
    DevnetFiles devnet = Cluster.in(dir.resolve("maker")).createDevnet("devnet");
    networkFile = devnet.networkFile();
    secrets = devnet.secretsFile();
    assertThat(Files.readString(networkFile)).contains("\"localDevnet\"");
  }

  @Test
  void aForgerProcessForgesThroughItsRelayStopsWhenKilledAndResumes() {
    try (Cluster cluster = Cluster.in(dir.resolve("cluster"))) {
      Node relay = cluster.start("relay").args("--network", networkFile.toString()).start();
      // the relay holds no keys: without a forger its chain stays at the genesis block
      await("a relay without keys forges nothing")
          .during(Cluster.blocktimes(3))
          .atMost(Cluster.blocktimes(6))
          .until(relay::height, h -> h == 1);

      Node forger =
          cluster
              .forger("forger")
              .args(
                  "--relay",
                  relay.peerAddress(),
                  "--network",
                  networkFile.toString(),
                  "--secrets",
                  secrets.toString())
              .start();
      long reached = relay.awaitHeight(4, WAIT);
      Set<String> delegates = delegateKeys(relay);
      assertThat(delegates).hasSize(51);
      for (long h = 2; h <= reached; h++) {
        JsonNode block = relay.api().getOk("/blocks/" + h).path("data");
        assertThat(block.path("generator").path("publicKey").asText())
            .as("block %d is signed by a registered delegate", h)
            .isIn(delegates);
      }
      forger.awaitLog(Pattern.compile("forged block \\S+ at height"), WAIT);

      forger.kill();
      long atKill = relay.height();
      // at most one block was on its way when the forger died; then nothing for 3+ blocktimes
      await("no block without the forger")
          .during(Cluster.blocktimes(4))
          .atMost(Cluster.blocktimes(8))
          .until(relay::height, h -> h <= atKill + 1);
      long stopped = relay.height();

      forger.start();
      relay.awaitHeight(stopped + 3, WAIT);
      assertThat(forger.log()).doesNotContain("skipped: a block was already signed");
    }
  }

  @Test
  void aRelayRefusesTheInternalRoutesToAnAddressItDoesNotAllowSv029() {
    try (Cluster cluster = Cluster.in(dir.resolve("cluster"))) {
      // this relay lets a forger at 10.9.9.9 in, not one on its own loopback
      Node relay =
          cluster
              .start("guarded")
              .args("--network", networkFile.toString(), "--remote-access", "10.9.9.9")
              .start();
      Node forger =
          cluster
              .forger("forger")
              .args(
                  "--relay",
                  relay.peerAddress(),
                  "--network",
                  networkFile.toString(),
                  "--secrets",
                  secrets.toString())
              .start();
      relay.awaitLog(
          Pattern.compile("violation UNAUTHORISED_INTERNAL .*p2p\\.internal\\.\\S+ from outside"),
          WAIT);
      forger.awaitLog(Pattern.compile("cannot forge through the relay"), WAIT);
      await("the refused forger forges nothing")
          .during(Cluster.blocktimes(4))
          .atMost(Cluster.blocktimes(8))
          .until(relay::height, h -> h == 1);
      assertThat(forger.log()).doesNotContain("forged block");
    }
  }

  private static Set<String> delegateKeys(Node node) {
    Set<String> keys = new HashSet<>();
    for (int page = 1; page <= 3; page++) {
      for (JsonNode d : node.api().getOk("/delegates?limit=25&page=" + page).path("data")) {
        keys.add(d.path("publicKey").asText());
      }
    }
    return keys;
  }
}
