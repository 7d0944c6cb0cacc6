package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code osmose devnet} as a user runs it: it forges, serves its chain, survives a crash. */
class DevnetAcceptanceIT {
  @TempDir Path dir;

  @Test
  void aDevnetForgesServesItsChainAndContinuesAfterACrash() {
    try (Cluster cluster = Cluster.in(dir)) {
      Node devnet = cluster.devnet("devnet").args(Cluster.blocktimeArgs()).start();
      long reached = devnet.awaitHeight(4, Duration.ofSeconds(60));
      assertThat(devnet.api().getOk("/blocks/1").path("data").path("height").asLong()).isEqualTo(1);

      devnet.kill();
      devnet.start();
      assertThat(devnet.height())
          .as("resumed at its committed tip")
          .isGreaterThanOrEqualTo(reached);
      devnet.awaitHeight(reached + 2, Duration.ofSeconds(30));
      assertThat(devnet.log()).contains("continuing the existing chain");
    }
  }
}
