package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay joins a forging {@code osmose devnet} the way its banner says ({@code osmose start
 * --network D/network.json --peers 127.0.0.1:P}): it syncs the chain over P2P, follows new blocks,
 * and lists the devnet as its peer.
 */
class RelayJoinsDevnetIT {
  @TempDir Path dir;

  @Test
  void aRelaySyncsAForgingDevnetAndFollowsIt() {
    try (Cluster cluster = Cluster.in(dir)) {
      Node devnet = cluster.devnet("devnet").args(Cluster.blocktimeArgs()).start();
      devnet.awaitHeight(5, Duration.ofSeconds(60));

      Node relay =
          cluster
              .start("relay")
              .args(
                  "--network",
                  devnet.dataDir().resolve("network.json").toString(),
                  "--peers",
                  devnet.peerAddress())
              .start();
      long target = devnet.height() + 2;
      relay.awaitHeight(target, Duration.ofSeconds(60));

      String id = relay.api().getOk("/blocks/" + target).path("data").path("id").asText();
      assertThat(devnet.api().getOk("/blocks/" + target).path("data").path("id").asText())
          .as("the same block at height %d on both", target)
          .isEqualTo(id);
      assertThat(relay.api().getOk("/peers").path("data").findValuesAsText("port"))
          .contains(Integer.toString(devnet.p2pPort()));
      // the devnet announces the API port it bound (it was started with --api-port 0)
      assertThat(relay.api().getOk("/peers").path("data").get(0).path("plugins").toString())
          .contains("\"port\":" + devnet.api().base().getPort());
      assertThat(relay.api().getOk("/node/status").path("data").path("synced").asBoolean())
          .isTrue();
      // the relay's plugin-port probe (ARK's HEAD /) finds the devnet's API up
      assertThat(
              relay
                  .api()
                  .getOk("/peers")
                  .path("data")
                  .get(0)
                  .path("ports")
                  .path("@arkecosystem/core-api")
                  .asInt())
          .isEqualTo(devnet.api().base().getPort());
    }
  }
}
