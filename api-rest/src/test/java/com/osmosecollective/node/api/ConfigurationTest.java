package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  /**
   * ARK's testnet, loaded from the crypto configuration the ARK node served, must be served back
   * identically: same network and exceptions objects, same merged milestones (key order included;
   * the flags its first milestone leaves out published as false), same genesis block.
   */
  @Test
  void cryptoConfigurationRoundTripsArksOwnAnswer() {
    JsonNode expected = ArkSamples.cryptoConfigurationWithFlags().get("data");

    assertSameTree(CryptoConfiguration.toJson(ArkSamples.testnet()), expected);
  }

  @Test
  void nodeConfigurationMatchesArksForTheSameNetworkAndPool() {
    var expected =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            ArkSamples.load("node_configuration.json").get("data");
    long tip = ArkSamples.capturedHeight("node_configuration.json");
    // the milestone in force (height 2's) with the flags its file leaves out published as false
    JsonNode inForce = ArkSamples.cryptoConfigurationWithFlags().at("/data/milestones/1");
    assertThat(inForce.get("height").asLong()).isEqualTo(2);
    expected.set("constants", inForce);

    JsonNode actual =
        NodeConfiguration.toJson(
            ArkSamples.testnet(), tip, "3.9.1", Map.of(), TransactionPoolSettings.arkDefaults());

    assertSameTree(actual, expected);
  }

  @Test
  void osmoseMainnetHasTheSameShapeWithItsOwnValues() throws Exception {
    Network mainnet = new NetworkLoader().load("mainnet");
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("@arkecosystem/core-p2p", 4001);
    ports.put("@arkecosystem/core-api", 4003);
    JsonNode arkShape = ArkSamples.load("node_configuration.json").get("data");

    JsonNode actual =
        NodeConfiguration.toJson(
            mainnet, 1_576_801, "0.1.0", ports, TransactionPoolSettings.arkDefaults());

    assertThat(fieldNames(actual)).isEqualTo(fieldNames(arkShape));
    assertThat(actual.get("version").asInt()).isEqualTo(115);
    assertThat(actual.get("wif").asInt()).isEqualTo(44);
    assertThat(actual.get("token").asText()).isEqualTo("OSMOSE");
    assertThat(actual.at("/constants/height").asLong()).isEqualTo(1_576_801);
    assertThat(actual.at("/constants/reward").asLong()).isEqualTo(150_000_000_000L);
    assertThat(actual.at("/constants/fees/staticFees/transfer").asLong()).isEqualTo(100_000_000);
    assertThat(actual.at("/ports/@arkecosystem~1core-api").asInt()).isEqualTo(4003);
    JsonNode crypto = CryptoConfiguration.toJson(mainnet);
    assertThat(fieldNames(crypto)).containsExactly("network", "exceptions", "milestones");
    assertThat(crypto.at("/network/slip44").asInt()).isEqualTo(1);
    assertThat(crypto.get("milestones").size()).isEqualTo(5);
  }

  /**
   * A wallet configured from our node finds every key ARK's own milestones carry (the flags, block
   * limits and {@code fees.staticFees}), also where the shipped network file leaves them to
   * defaults (osmose-2018 is an ARK 2.0 file with flat fees and no flags); {@code aip36} is false:
   * this node runs no magistrate transactions.
   */
  @Test
  void everyShippedNetworkPublishesEveryKeyOfArksMilestones() throws Exception {
    java.util.Set<String> arkKeys = new java.util.TreeSet<>();
    java.util.Set<String> arkBlockKeys = new java.util.TreeSet<>();
    for (JsonNode m : ArkSamples.load("node_configuration_crypto.json").at("/data/milestones")) {
      arkKeys.addAll(fieldNames(m));
      arkBlockKeys.addAll(fieldNames(m.get("block")));
    }
    assertThat(arkKeys).contains("aip11", "htlcEnabled", "aip36", "multiPaymentLimit");
    for (String name : java.util.List.of("mainnet", "devnet", "osmose-2018")) {
      JsonNode crypto = CryptoConfiguration.toJson(new NetworkLoader().load(name));
      for (JsonNode m : crypto.get("milestones")) {
        assertThat(fieldNames(m)).as(name).containsAll(arkKeys);
        assertThat(fieldNames(m.get("block"))).as(name).containsAll(arkBlockKeys);
        assertThat(m.at("/fees/staticFees/transfer").isNumber()).as(name).isTrue();
        assertThat(m.get("aip36").asBoolean()).as(name).isFalse();
      }
    }
    JsonNode old = CryptoConfiguration.toJson(new NetworkLoader().load("osmose-2018"));
    assertThat(old.at("/milestones/0/aip11").asBoolean()).isFalse();
    assertThat(old.at("/milestones/0/fees/staticFees/vote").asLong()).isEqualTo(1_000_000_000L);
    assertThat(old.at("/milestones/0/fees/vote").asLong()).isEqualTo(1_000_000_000L);
  }

  @Test
  void disabledDynamicFeesPublishOnlyTheFlag() {
    TransactionPoolSettings ark = TransactionPoolSettings.arkDefaults();
    TransactionPoolSettings off =
        new TransactionPoolSettings(
            false,
            ark.minFeePool(),
            ark.minFeeBroadcast(),
            ark.addonBytes(),
            ark.maxTransactionsInPool(),
            ark.maxTransactionsPerSender(),
            ark.maxTransactionsPerRequest(),
            ark.maxTransactionAge(),
            ark.maxTransactionBytes());

    assertThat(off.toJson().get("dynamicFees").toString()).isEqualTo("{\"enabled\":false}");
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> out = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
