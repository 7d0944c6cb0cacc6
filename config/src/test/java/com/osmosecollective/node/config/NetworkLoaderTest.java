package com.osmosecollective.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkLoaderTest {
  private final NetworkLoader loader = new NetworkLoader();

  @Test
  void osmose2018IsTheHistoricalNetwork() throws Exception {
    Network network = loader.load("osmose-2018");
    assertThat(network.name()).isEqualTo("osmose");
    assertThat(network.pubKeyHash()).isEqualTo(115);
    assertThat(network.wif()).isEqualTo(44);
    assertThat(network.nethash())
        .isEqualTo("7dfc04c23439e98eb504454bb3c9e08da7f223e3d7c280ad677b40e521dda513");
    assertThat(network.genesisBlock().path("transactions").size()).isEqualTo(52);
    assertThat(network.premine()).isEqualTo(1_000_000_000_000_000_000L);
    Milestone m = network.milestones().at(1);
    assertThat(m.blocktime()).isEqualTo(20);
    assertThat(m.activeDelegates()).isEqualTo(51);
    assertThat(m.reward()).isEqualTo(200_000_000_000L);
    assertThat(m.epoch()).isEqualTo(Instant.parse("2017-02-21T13:00:00Z"));
    // the 2.0 fee table lists fees directly under "fees", beside "dynamic": false
    assertThat(m.staticFee("vote", -1)).isEqualTo(1_000_000_000L);
    assertThat(m.staticFees()).doesNotContainKey("dynamic");
    assertThat(m.aip11()).isFalse();
    assertThat(m.idFullSha256()).isFalse();
  }

  @Test
  void mainnetFollowsTheWhitePaperRewardTable() throws Exception {
    Network network = loader.load("mainnet");
    assertThat(network.hasGenesisBlock()).isFalse();
    assertThat(network.premine()).isEqualTo(10_000_000_000L * 100_000_000L);
    Milestones milestones = network.milestones();
    long year = 1_576_800;
    assertThat(milestones.at(1).reward()).isEqualTo(2000_00000000L);
    assertThat(milestones.at(year).reward()).isEqualTo(2000_00000000L);
    assertThat(milestones.at(year + 1).reward()).isEqualTo(1500_00000000L);
    assertThat(milestones.at(2 * year + 1).reward()).isEqualTo(1000_00000000L);
    assertThat(milestones.at(3 * year + 1).reward()).isEqualTo(750_00000000L);
    assertThat(milestones.at(4 * year + 1).reward()).isEqualTo(500_00000000L);
    assertThat(milestones.at(40 * year).reward()).isEqualTo(500_00000000L);
    // later milestones inherit everything they do not override
    Milestone late = milestones.at(5 * year);
    assertThat(late.blocktime()).isEqualTo(20);
    assertThat(late.staticFee("transfer", -1)).isEqualTo(100_000_000L);
    // the white paper sets a vote at 1 OSM (ARCHITECTURE.md once said 10)
    assertThat(late.staticFee("vote", -1)).isEqualTo(100_000_000L);
    assertThat(late.staticFee("delegateRegistration", -1)).isEqualTo(400_000_000_000L);
    assertThat(late.maxTransactions()).isEqualTo(150);
  }

  /**
   * The devnet rehearses mainnet: the same static fees (a vote 1 OSM as the white paper says, not
   * the 10 OSM of the 2018 network), only its block limits are larger.
   */
  @Test
  void devnetChargesMainnetsFees() throws Exception {
    NetworkLoader loader = new NetworkLoader();
    Milestone devnet = loader.loadShipped("devnet").milestones().at(1);
    Milestone mainnet = loader.loadShipped("mainnet").milestones().at(1);
    assertThat(devnet.staticFees()).isEqualTo(mainnet.staticFees());
    assertThat(devnet.staticFee("vote", -1)).isEqualTo(100_000_000L);
  }

  @Test
  void milestonesDeepMergeObjectsAndReplaceArrays(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("net.json");
    Files.writeString(
        file,
        """
        {"network": {"name": "t", "pubKeyHash": 30, "wif": 170, "nethash": ""},
         "milestones": [
           {"height": 10, "block": {"maxTransactions": 150}, "list": [3]},
           {"height": 1, "blocktime": 8, "activeDelegates": 51, "epoch": "2017-03-21T13:00:00.000Z",
            "block": {"version": 0, "maxTransactions": 50, "maxPayload": 2097152},
            "fees": {"staticFees": {"transfer": 10000000, "vote": 100000000}}, "list": [1, 2]},
           {"height": 20, "fees": {"staticFees": {"vote": 5}}}
         ]}
        """);
    Milestones milestones = loader.load(file.toString()).milestones();
    assertThat(milestones.at(5).maxTransactions()).isEqualTo(50);
    assertThat(milestones.at(10).maxTransactions()).isEqualTo(150);
    assertThat(milestones.at(10).maxPayload()).isEqualTo(2_097_152);
    assertThat(milestones.at(10).raw().path("list").size()).isEqualTo(1);
    assertThat(milestones.at(25).staticFee("vote", -1)).isEqualTo(5);
    assertThat(milestones.at(25).staticFee("transfer", -1)).isEqualTo(10_000_000);
    assertThat(milestones.at(0).height()).isEqualTo(1);
  }

  @Test
  void ark20NetworkFileWithSiblingGenesisLoadsFromPath() throws Exception {
    Path dir = testData("networks/osmose-2018");
    Network network = loader.load(dir.resolve("network.json").toString());
    assertThat(network.genesisBlock().path("id").asText()).isEqualTo("16936459878532358989");
    assertThat(network.milestones().last().reward()).isEqualTo(200_000_000_000L);
  }

  @Test
  void definitionKeepsTheFilesNetworkAndExceptionsObjects() throws Exception {
    Network mainnet = loader.load("mainnet");

    assertThat(mainnet.definition().at("/network/slip44").asInt()).isEqualTo(1);
    assertThat(mainnet.definition().at("/network/bip32/public").asLong()).isEqualTo(46090600);
    assertThat(mainnet.definition().get("exceptions").isObject()).isTrue();
    mainnet.definition().withObject("/network").put("slip44", 99);
    assertThat(mainnet.definition().at("/network/slip44").asInt())
        .as("a caller's copy does not change the network")
        .isEqualTo(1);
  }

  @Test
  void ark20DefinitionIsTheNetworkObjectWithoutItsLists() throws Exception {
    Path dir = testData("networks/osmose-2018");
    Network network = loader.load(dir.resolve("network.json").toString());

    assertThat(network.definition().at("/network/pubKeyHash").asInt())
        .isEqualTo(network.pubKeyHash());
    assertThat(network.definition().at("/network/constants").isMissingNode()).isTrue();
    assertThat(network.definition().at("/network/genesisBlock").isMissingNode()).isTrue();
  }

  @Test
  void vectorNetworkWithGenesisBlockFileLoads() throws Exception {
    Path file = testData("vectors/osm-network.json");
    Network network = loader.load(file.toString());
    assertThat(network.hasGenesisBlock()).isTrue();
    assertThat(network.milestones().at(1).aip11()).isFalse();
    assertThat(network.milestones().at(2).aip11()).isTrue();
    assertThat(network.milestones().at(2).staticFee("transfer", -1)).isEqualTo(100_000_000L);
    assertThat(network.milestones().at(2).multiPaymentLimit()).isEqualTo(128);
  }

  @Test
  void badDefinitionsAreRefusedWithAReason(@TempDir Path dir) throws IOException {
    Path notJson = dir.resolve("a.json");
    Files.writeString(notJson, "{not json");
    assertThatThrownBy(() -> loader.load(notJson.toString()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("cannot read");
    Path noMilestones = dir.resolve("b.json");
    Files.writeString(
        noMilestones, "{\"network\": {\"name\": \"x\", \"pubKeyHash\": 1, \"wif\": 1}}");
    assertThatThrownBy(() -> loader.load(noMilestones.toString()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("milestones");
    Path badByte = dir.resolve("c.json");
    Files.writeString(
        badByte,
        "{\"network\": {\"name\": \"x\", \"pubKeyHash\": 300, \"wif\": 1},"
            + " \"milestones\": [{\"height\": 1, \"blocktime\": 8, \"activeDelegates\": 51,"
            + " \"epoch\": \"2017-03-21T13:00:00Z\"}]}");
    assertThatThrownBy(() -> loader.load(badByte.toString()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("pubKeyHash");
    assertThatThrownBy(() -> loader.load("no-such-network"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("unknown network");
  }

  /** Issue #10: only a definition that says so is a local devnet (forging without a quorum). */
  @Test
  void onlyAnExplicitLocalDevnetFlagMakesALocalDevnet(@TempDir Path dir) throws Exception {
    for (String shipped : new String[] {"mainnet", "devnet", "osmose-2018"}) {
      assertThat(loader.load(shipped).localDevnet()).as(shipped).isFalse();
    }
    String[][] cases = {
      {"true", "true"}, {"false", "false"}, {"\"true\"", "false"}, {"1", "false"}
    };
    for (String[] c : cases) {
      Path file = dir.resolve("local.json");
      Files.writeString(
          file,
          "{\"network\": {\"name\": \"x\", \"pubKeyHash\": 30, \"wif\": 1, \"localDevnet\": "
              + c[0]
              + "}, \"milestones\": [{\"height\": 1, \"blocktime\": 8,"
              + " \"activeDelegates\": 51, \"epoch\": \"2017-03-21T13:00:00Z\"}]}");
      assertThat(loader.load(file.toString()).localDevnet())
          .as(c[0])
          .isEqualTo(Boolean.parseBoolean(c[1]));
    }
  }

  /** Issue #10: only ASCII digits are numbers; {@code Long.parseLong} also takes other scripts'. */
  @Test
  void amountsAreAsciiDigitsOnly(@TempDir Path dir) throws IOException {
    for (String premine : new String[] {"\u0661\u0660", "\uff11\uff10", "+10", " 10", "10 "}) {
      Path file = dir.resolve("premine.json");
      Files.writeString(
          file,
          "{\"network\": {\"name\": \"x\", \"pubKeyHash\": 30, \"wif\": 1, \"premine\": \""
              + premine
              + "\"}, \"milestones\": [{\"height\": 1, \"blocktime\": 8,"
              + " \"activeDelegates\": 51, \"epoch\": \"2017-03-21T13:00:00Z\"}]}");
      assertThatThrownBy(() -> loader.load(file.toString()))
          .as("premine %s", premine)
          .isInstanceOf(NetworkConfigException.class)
          .hasMessageContaining("premine");
    }
    assertThat(NetworkLoader.nonNegative("10")).isEqualTo(10);
    assertThatThrownBy(() -> NetworkLoader.nonNegative("\u0661\u0660"))
        .isInstanceOf(NumberFormatException.class);
  }

  /**
   * A file of the repository's {@code testdata/} folder (config sits below node-core, whose
   * test-jar has the shared locator); a missing file fails the test.
   */
  private static Path testData(String relative) {
    Path root = Path.of(System.getProperty("osmose.projectRoot", ".")).toAbsolutePath();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("testdata").resolve(relative);
      if (Files.exists(file)) {
        return file;
      }
    }
    throw new IllegalStateException("test data missing: testdata/" + relative + " from " + root);
  }
}
