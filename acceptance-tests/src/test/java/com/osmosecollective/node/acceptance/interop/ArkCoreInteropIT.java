package com.osmosecollective.node.acceptance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import com.osmosecollective.node.acceptance.dsl.NodeApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ARK Core 3.9.1 ({@code @arkecosystem/core} from npm, with its own PostgreSQL) on our
 * devnet's network and genesis block, peering with real {@code osmose} processes over ARK's P2P
 * protocol:
 *
 * <ol>
 *   <li>ARK as a relay syncs a forging {@code osmose devnet} (same block ids), follows the blocks
 *       we post it, lists our node as its peer; a transaction posted to our node reaches ARK.
 *   <li>ARK's forger forges for delegates 1–25 and our node ({@code osmose start --forge}) for
 *       26–51 on the same chain: each side applies the blocks the other forged (same ids); a
 *       transaction posted to ARK is forged and seen by our node.
 * </ol>
 *
 * <p>Both run on this machine, each on its own loopback address with the same P2P port number (ARK
 * dials every peer on its own port); {@code src/test/interop/ark-same-host.cjs} lets ARK, built for
 * one node per host, accept 127.0.0.1 as a peer and dial from its own address. Run with {@code
 * -Pinterop}; skips when Node.js, npm or PostgreSQL is missing or the npm registry is unreachable
 * (see {@link ArkCoreInstall}, {@link PostgresCluster}).
 */
@Tag("interop")
class ArkCoreInteropIT {
  private static final String OUR_HOST = "127.0.0.1";
  private static final String ARK_HOST = "127.0.0.3";
  private static final int ARK_DELEGATES = 25;
  private static final Pattern FUNDED =
      Pattern.compile("(?m)^\\s+(D\\w{33})\\s+\\d+ \\S+\\s+\"([^\"]+)\"$");
  private static final Pattern WE_FORGED = Pattern.compile("forged block height \\d+ id (\\w{64})");
  private static final Pattern ARK_FORGED =
      Pattern.compile("Forged new block (\\w{64}) by delegate");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private record Wallet(String address, String passphrase) {}

  @Test
  void arkCoreSyncsOurChainForgesOnItAndSharesTransactions() {
    ArkCoreInstall install = ArkCoreInstall.ensure();
    Path postgresBin = PostgresCluster.binaries();
    ArkNetworkConfig.Ports ports =
        new ArkNetworkConfig.Ports(
            FreePorts.onAll(OUR_HOST, ARK_HOST),
            FreePorts.any(),
            FreePorts.any(),
            FreePorts.any(),
            FreePorts.any());
    int p2p = ports.p2p();
    try (Cluster cluster = Cluster.in(dir);
        PostgresCluster postgres =
            PostgresCluster.start(postgresBin, dir, dir.resolve("postgres"), ports.postgres())) {
      postgres.createDatabase(
          ArkNetworkConfig.DATABASE, ArkNetworkConfig.DB_USER, ArkNetworkConfig.DB_PASSWORD);
      Node devnet =
          cluster
              .devnet("devnet")
              // a repeated flag (the DSL's --p2p-port 0) drops the flags of its group given
              // before it: the repeated ones come first
              .args("--p2p-port", Integer.toString(p2p), "--p2p-host", OUR_HOST, "--blocktime", "4")
              .start();
      List<Wallet> wallets = fundedWallets(devnet.log());
      devnet.awaitHeight(3, Duration.ofSeconds(60));
      Path networkFile = devnet.dataDir().resolve("network.json");
      JsonNode network = readJson(networkFile);
      long fee = network.at("/milestones/0/fees/staticFees/transfer").asLong();

      ArkNetworkConfig config =
          ArkNetworkConfig.write(
              dir.resolve("ark/config"), networkFile, ports, ARK_HOST, List.of(OUR_HOST));
      ArkSigner signer = new ArkSigner(install, config);
      NodeApi ark = ArkCoreProcess.api(config);
      try (ArkCoreProcess relay =
          ArkCoreProcess.start(install, config, "relay:run", List.of(OUR_HOST))) {
        relay.awaitLog(
            Pattern.compile("Public API \\(HTTP\\) Server started"), Duration.ofMinutes(4));

        // (a) ARK, a relay, syncs our chain and follows it
        long target = devnet.height() + 2;
        awaitTrue(
            "ARK reaches height " + target + " with our block there",
            () -> height(ark) >= target && sameBlock(ark, devnet.api(), target),
            Duration.ofMinutes(3),
            relay::tail);
        awaitTrue(
            "ARK's last block is our block at that height",
            () -> {
              JsonNode last = ark.getOk("/blocks/last").path("data");
              return last.path("height").asLong() > target
                  && last.path("id")
                      .asText()
                      .equals(blockId(devnet.api(), last.path("height").asLong()));
            },
            Duration.ofMinutes(2),
            relay::tail);
        // a block we posted (p2p.blocks.postBlock), not only the ones ARK downloaded
        relay.awaitLog(
            Pattern.compile(
                "Received new block at height [\\d,]+ with \\d+ transactions? from 127\\.0\\.0\\.1"),
            Duration.ofMinutes(2));
        assertThat(peers(ark)).as("ARK's peers").contains(OUR_HOST + ":" + p2p);
        assertThat(peers(devnet.api())).as("our peers").contains(ARK_HOST + ":" + p2p);

        String toUs =
            post(
                devnet.api(),
                signer.transfer(
                    wallets.get(1).passphrase(),
                    wallets.get(2).address(),
                    200_000_000L,
                    fee,
                    nonce(devnet.api(), wallets.get(1).address()) + 1,
                    devnet.height(),
                    "posted to osmose"));
        awaitSameTransaction(toUs, devnet.api(), ark, relay);

        // (b) ARK forges for delegates 1-25, our node for 26-51, on one chain
        assertThat(devnet.stop(Duration.ofSeconds(20))).hasValue(0);
        List<String> secrets = readLines(devnet.dataDir().resolve("delegates.secrets"));
        Node ours =
            cluster
                .start("osmose")
                .args(
                    "--data-dir",
                    devnet.dataDir().toString(),
                    "--p2p-port",
                    Integer.toString(p2p),
                    "--p2p-host",
                    OUR_HOST,
                    "--network",
                    networkFile.toString(),
                    "--peers",
                    ARK_HOST + ":" + p2p,
                    "--min-network-reach",
                    "1",
                    "--forge",
                    "--secrets",
                    ownerOnly(dir.resolve("ours.secrets"), secrets.subList(ARK_DELEGATES, 51))
                        .toString())
                .start();
        config.delegates(secrets.subList(0, ARK_DELEGATES));
        try (ArkCoreProcess forger =
            ArkCoreProcess.start(install, config, "forger:run", List.of(OUR_HOST))) {
          awaitTrue(
              "ARK forged 3 blocks and our node holds them",
              () -> {
                List<String> forged = forger.all(ARK_FORGED);
                return forged.size() >= 3
                    && forged.stream().allMatch(id -> hasBlock(ours.api(), id));
              },
              Duration.ofMinutes(4),
              () -> forger.tail() + "\n--- our node:\n" + ours.tail());
          awaitTrue(
              "our node forged 3 blocks after ARK's forger started and ARK holds them",
              () -> {
                List<String> forged = idsIn(ours.log(), WE_FORGED);
                return forged.size() >= 3 && forged.stream().allMatch(id -> hasBlock(ark, id));
              },
              Duration.ofMinutes(4),
              () -> relay.tail() + "\n--- our node:\n" + ours.tail());

          String toArk =
              post(
                  ark,
                  signer.transfer(
                      wallets.get(0).passphrase(),
                      wallets.get(3).address(),
                      300_000_000L,
                      fee,
                      nonce(ark, wallets.get(0).address()) + 1,
                      height(ark),
                      "posted to ARK Core"));
          awaitSameTransaction(toArk, ark, ours.api(), relay);

          long tip = Math.max(height(ark), ours.height()) + 1;
          awaitTrue(
              "both at height " + tip + " with the same block",
              () -> height(ark) >= tip && ours.height() >= tip && sameBlock(ark, ours.api(), tip),
              Duration.ofMinutes(2),
              () -> relay.tail() + "\n--- our node:\n" + ours.tail());
        }
      }
    }
  }

  private static List<Wallet> fundedWallets(String devnetLog) {
    List<Wallet> wallets = new ArrayList<>();
    Matcher m = FUNDED.matcher(devnetLog);
    while (m.find()) {
      wallets.add(new Wallet(m.group(1), m.group(2)));
    }
    assertThat(wallets).as("funded wallets in the devnet's banner").hasSizeGreaterThanOrEqualTo(4);
    return wallets;
  }

  /** POSTs one transaction, which the node must accept; its id. */
  private static String post(NodeApi node, JsonNode body) {
    NodeApi.Answer answer = node.post("/transactions", body);
    String id = body.path("transactions").path(0).path("id").asText();
    assertThat(answer.status()).as("POST /transactions: %s", answer.body()).isEqualTo(200);
    assertThat(answer.data().path("accept").toString()).as(answer.body().toString()).contains(id);
    return id;
  }

  /** The transaction is forged, and the second node has it in the same block as the first. */
  private static void awaitSameTransaction(
      String id, NodeApi postedTo, NodeApi other, ArkCoreProcess ark) {
    awaitTrue(
        "transaction " + id + " forged and in the same block on both nodes",
        () -> {
          NodeApi.Answer there = postedTo.get("/transactions/" + id);
          NodeApi.Answer here = other.get("/transactions/" + id);
          return there.status() == 200
              && here.status() == 200
              && !there.data().path("blockId").asText().isEmpty()
              && there.data().path("blockId").equals(here.data().path("blockId"));
        },
        Duration.ofMinutes(2),
        ark::tail);
  }

  private static long height(NodeApi node) {
    return node.height();
  }

  private static long nonce(NodeApi node, String address) {
    return node.getOk("/wallets/" + address).path("data").path("nonce").asLong();
  }

  private static String blockId(NodeApi node, long height) {
    NodeApi.Answer answer = node.get("/blocks/" + height);
    return answer.status() == 200 ? answer.data().path("id").asText() : "";
  }

  private static boolean sameBlock(NodeApi a, NodeApi b, long height) {
    String id = blockId(a, height);
    return !id.isEmpty() && id.equals(blockId(b, height));
  }

  private static boolean hasBlock(NodeApi node, String id) {
    return node.get("/blocks/" + id).status() == 200;
  }

  /** The peers a node's {@code /api/peers} lists, as "ip:port". */
  private static List<String> peers(NodeApi node) {
    List<String> peers = new ArrayList<>();
    node.getOk("/peers")
        .path("data")
        .forEach(p -> peers.add(p.path("ip").asText() + ":" + p.path("port").asText()));
    return peers;
  }

  private static List<String> idsIn(String log, Pattern pattern) {
    List<String> ids = new ArrayList<>();
    Matcher m = pattern.matcher(log);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static void awaitTrue(
      String what, Callable<Boolean> condition, Duration timeout, Supplier<String> context) {
    try {
      Awaitility.await(what)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class)
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + context.get(), e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path ownerOnly(Path file, List<String> lines) {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
