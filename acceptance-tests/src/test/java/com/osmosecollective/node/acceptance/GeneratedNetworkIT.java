package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import com.osmosecollective.node.acceptance.dsl.OsmoseProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network of one's own, as an operator makes it: {@code osmose genesis create --spec} on the
 * shipped testnet spec (genesis/specs/testnet.yaml) with a 4 s blocktime, then three nodes on
 * 127.0.0.1 that find each other over P2P and split the 51 delegates: two forge in-process ({@code
 * start --forge}), the third is a relay whose delegates forge in an {@code osmose forger} process.
 * It is the scenario of docker/docker-compose.yml without Docker. Every node forges only with its
 * peers' quorum (this network is no local devnet), and all end on the same block.
 */
class GeneratedNetworkIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void threeNodesOnAGeneratedGenesisForgeOneChain() throws Exception {
    Path out = createNetwork();
    Path networkFile = out.resolve("network.json");
    List<Delegate> delegates = delegates(out.resolve("delegates.secrets"));
    assertThat(delegates).hasSize(51);
    List<List<Delegate>> thirds =
        List.of(delegates.subList(0, 17), delegates.subList(17, 34), delegates.subList(34, 51));

    try (Cluster cluster = Cluster.in(dir.resolve("cluster"))) {
      String[] common = {
        "--network", networkFile.toString(), "--min-network-reach", "2", "--allow-local-peers"
      };
      Node one =
          cluster
              .start("node-1")
              .args(common)
              .args("--forge", "--secrets", secrets("one", thirds.get(0)).toString())
              .start();
      Node two =
          cluster
              .start("node-2")
              .args(common)
              .args("--peers", one.peerAddress())
              .args("--forge", "--secrets", secrets("two", thirds.get(1)).toString())
              .start();
      Node relay =
          cluster
              .start("relay-3")
              .args(common)
              .args("--peers", one.peerAddress() + "," + two.peerAddress())
              .start();
      cluster
          .forger("forger-3")
          .args(
              "--relay",
              relay.peerAddress(),
              "--network",
              networkFile.toString(),
              "--secrets",
              secrets("three", thirds.get(2)).toString())
          .start();

      // each third of the delegates forges on the one chain
      for (List<Delegate> third : thirds) {
        Set<String> names = third.stream().map(Delegate::username).collect(Collectors.toSet());
        await("a delegate of each node forges")
            .atMost(WAIT)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
            .until(() -> producedBlocks(relay, names) > 0);
      }
      long height = relay.height();
      for (Node node : List.of(one, two, relay)) {
        node.awaitHeight(height, WAIT);
      }
      String id = relay.api().getOk("/blocks/" + height).path("data").path("id").asText();
      for (Node node : List.of(one, two)) {
        assertThat(node.api().getOk("/blocks/" + height).path("data").path("id").asText())
            .as("%s's block at height %d", node.name(), height)
            .isEqualTo(id);
      }
    }
  }

  /** osmose genesis create on testnet.yaml with a 4 s blocktime and a name of its own. */
  private Path createNetwork() throws IOException {
    String spec =
        Files.readString(Path.of("..", "genesis", "specs", "testnet.yaml"))
            .replace("name: testnet", "name: acceptance")
            .replace("blocktime: 20", "blocktime: 4");
    assertThat(spec).contains("name: acceptance").contains("blocktime: 4");
    Path specFile = dir.resolve("acceptance.yaml");
    Files.writeString(specFile, spec);
    Path out = dir.resolve("network");
    OsmoseProcess create =
        OsmoseProcess.start(
            List.of("genesis", "create", "--spec", specFile.toString(), "--out", out.toString()),
            Map.of(),
            dir.resolve("genesis-create.log"));
    assertThat(create.waitFor(Duration.ofSeconds(120))).as(create.logText()).hasValue(0);
    return out;
  }

  /** A delegate of the secrets file: its comment line names it, the next line is its passphrase. */
  private record Delegate(String username, String passphrase) {}

  private static List<Delegate> delegates(Path secretsFile) throws IOException {
    List<String> lines = Files.readAllLines(secretsFile);
    List<Delegate> delegates = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("# ") && !lines.get(i + 1).startsWith("#")) {
        delegates.add(new Delegate(lines.get(i).split(" ")[1], lines.get(i + 1).strip()));
      }
    }
    return delegates;
  }

  private Path secrets(String name, List<Delegate> delegates) throws IOException {
    Path file = dir.resolve(name + ".secrets");
    Files.write(file, delegates.stream().map(Delegate::passphrase).toList());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static long producedBlocks(Node node, Set<String> usernames) {
    long produced = 0;
    for (int page = 1; page <= 3; page++) {
      for (JsonNode d : node.api().getOk("/delegates?limit=25&page=" + page).path("data")) {
        if (usernames.contains(d.path("username").asText())) {
          produced += d.path("blocks").path("produced").asLong();
        }
      }
    }
    return produced;
  }
}
