package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.api.ApiHttpServer;
import com.osmosecollective.node.api.ApiServerSettings;
import com.osmosecollective.node.api.ApiServices;
import com.osmosecollective.node.api.PendingTransactions;
import com.osmosecollective.node.api.RestApi;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.ColumnFamily;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.testing.StoreFiles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, on copies of a stopped devnet's data dir: a damaged or incomplete data dir is refused
 * with a message saying what to do, left as it was, and never read as a shorter chain.
 */
class DamagedDataDirTest {
  private static final int BLOCKTIME = 3;
  private static final long HEIGHT = 260;

  @TempDir static Path shared;
  static Path healthy;
  static Network network;
  static DevnetNetworkFile.Devnet devnet;

  @TempDir Path dir;

  @BeforeAll
  static void forgeAHealthyDevnet() throws Exception {
    healthy = shared.resolve("healthy");
    devnet = new DevnetNetworkFile().createOrLoad(healthy, BLOCKTIME);
    network = devnet.network();
    DevnetChains.forge(healthy, devnet, 1000, HEIGHT);
  }

  private Path copy() throws Exception {
    Path copy = dir.resolve("copy");
    StoreFiles.copy(healthy, copy);
    return copy;
  }

  private CliRun start(Path data, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "start",
                "--network",
                data.resolve("network.json").toString(),
                "--data-dir",
                data.toString(),
                "--no-api"));
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aFlippedByteInTheBlocksTableRefusesTheStartAndDbCheckNamesTheCorruption() throws Exception {
    Path data = copy();
    Path table = StoreFiles.flipByteInTable(data.resolve("chain"), ColumnFamily.BLOCKS, 0.1);

    CliRun start = start(data);

    assertThat(start.exitCode()).isEqualTo(12);
    assertThat(start.err())
        .startsWith("error: the chain database at ")
        .contains("is damaged (table file " + table)
        .contains("run osmose db check")
        .hasLineCount(1);
    CliRun check = CliRun.of("db", "check", "--data-dir", data.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains("PROBLEM: corruption: table file " + table + " (column blocks) is corrupt")
        .doesNotContain("are missing");
  }

  @Test
  void aFlippedByteInTheWalletsTableRefusesTheStartAndDbCheckNamesTheCorruption() throws Exception {
    Path data = copy();
    Path table = StoreFiles.flipByteInTable(data.resolve("chain"), ColumnFamily.WALLETS, 0.3);

    CliRun start = start(data);

    assertThat(start.exitCode()).isEqualTo(12);
    assertThat(start.err()).contains(table.toString()).contains("osmose db check");
    CliRun check = CliRun.of("db", "check", "--data-dir", data.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("PROBLEM: corruption").contains("column wallets");
  }

  /**
   * Damage beyond what the start-up check reads (a large database) is met by the API's reads: a
   * page over it is an error, never a shorter page.
   */
  @Test
  void theApiNeverServesASilentlyShortenedPage() throws Exception {
    Path data = copy();
    StoreFiles.flipByteInTable(data.resolve("chain"), ColumnFamily.BLOCKS, 0.1);
    StoreOptions unchecked = StoreOptions.inDataDir(data).withStartupChecksumBytes(0);
    try (ChainStore store = ChainStore.open(unchecked, network.nethash());
        ApiHttpServer api = serveReadOnly(store)) {
      HttpClient http = HttpClient.newHttpClient();
      int served = 0;
      for (int page = 1; page <= 3; page++) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + api.address().getPort()
                                + "/api/blocks?limit=100&page="
                                + page))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          JsonNode body = new ObjectMapper().readTree(response.body());
          int expected = (int) Math.min(100, HEIGHT - (page - 1) * 100L);
          assertThat(body.path("data").size()).as("page %d", page).isEqualTo(expected);
          served++;
        } else {
          assertThat(response.statusCode()).as("page %d", page).isEqualTo(500);
        }
      }
      assertThat(served).as("the damage is on one of the pages").isLessThan(3);
      assertThat(store.failure()).isPresent();
    }
  }

  private static ApiHttpServer serveReadOnly(ChainStore store) throws InterruptedException {
    PendingTransactions none =
        new PendingTransactions() {
          @Override
          public CompletableFuture<AdmissionResult> submit(List<Submitted> batch) {
            throw new UnsupportedOperationException("read-only");
          }

          @Override
          public PoolView view() {
            return PoolView.empty(0);
          }
        };
    ApiServices services =
        new ApiServices(
            network,
            store.queries(),
            none,
            PoolConfig.defaults(),
            NetworkView.none(),
            () -> 0L,
            new SimpleMeterRegistry(),
            4001,
            4003);
    return ApiHttpServer.start(
        new InetSocketAddress("127.0.0.1", 0),
        new RestApi(services),
        ApiServerSettings.defaults(),
        services);
  }

  @Test
  void aDataDirWithoutCurrentIsRefusedAndLeftByteIdentical() throws Exception {
    Path data = copy();
    Files.delete(data.resolve("chain").resolve("CURRENT"));
    Map<String, String> before = StoreFiles.digests(data);

    CliRun start = start(data);

    assertThat(start.exitCode()).isEqualTo(12);
    assertThat(start.err()).contains("no CURRENT").contains("nothing was changed");
    assertThat(CliRun.of("db", "check", "--data-dir", data.toString()).exitCode()).isEqualTo(12);
    assertThat(StoreFiles.digests(data)).isEqualTo(before);
  }

  @Test
  void anEmptiedChainDirBesideTheNodesStateIsRefusedUnlessANewChainIsAsked() throws Exception {
    Path data = copy();
    Files.createDirectories(data.resolve("forger"));
    Files.writeString(data.resolve("forger").resolve("last-forged-slot"), "1200");
    StoreFiles.deleteTree(data.resolve("chain"));
    Files.createDirectory(data.resolve("chain"));

    CliRun start = start(data);
    assertThat(start.exitCode()).isEqualTo(2);
    assertThat(start.err())
        .contains("is missing or empty")
        .contains("forger/last-forged-slot")
        .contains("--new-chain")
        .hasLineCount(1);
    CliRun devnetRun = CliRun.of("devnet", "--data-dir", data.toString(), "--no-api");
    assertThat(devnetRun.exitCode()).isEqualTo(2);
    assertThat(devnetRun.err()).contains("--new-chain");
    assertThat(devnetRun.out()).doesNotContain("continuing the existing chain");
    try (var files = Files.list(data.resolve("chain"))) {
      assertThat(files).isEmpty();
    }

    SteppedClock clock = new SteppedClock(network.epoch());
    try (LogCapture log = new LogCapture(Forger.class.getName());
        NodeAssembly node =
            NodeAssembly.openAndStart(
                new NodeAssembly.Settings(network, data, NodeScenario.delegateKeys(devnet), clock)
                    .withNewChain(true))) {
      assertThat(node.chain().snapshot().height()).isEqualTo(1);
      // the kept signed slot is far ahead of this clock: said loudly, not skipped silently
      assertThat(log.messages(Level.ERROR))
          .singleElement()
          .asString()
          .startsWith("the forger will not forge for 1200 slot(s)")
          .contains("last-forged-slot records slot 1200 as signed but the current slot is 0");
    }
  }
}
