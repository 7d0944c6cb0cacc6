package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /blockchain} and {@code /node/configuration/crypto} over real HTTP against a real RocksDB
 * chain whose genesis block declares ARK testnet's premine.
 */
class ChainEndpointsTest {
  private static final long PREMINE = 12_500_000_000_000_000L;

  @TempDir Path dir;

  private final List<ChainStore> stores = new ArrayList<>();
  private final List<ApiHttpServer> servers = new ArrayList<>();
  private StoredChain chain;

  @AfterEach
  void stop() {
    servers.forEach(ApiHttpServer::close);
    stores.forEach(ChainStore::close);
  }

  @Test
  void blockchainIsTheTipAndArksSupply() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 3);
    JsonNode body = http.ok("/api/blockchain");

    // ARK's testnet pays no reward below height 75600: the supply is the premine, as recorded
    assertSameTree(body, ArkSamples.load("blockchain.json"), Set.of("height", "id"));
    assertThat(body.at("/data/block/height").asLong()).isEqualTo(3);
    assertThat(body.at("/data/block/id").asText()).isEqualTo(chain.block(3).id());
  }

  @Test
  void supplyAddsTheMilestoneRewardOfEveryHeight() throws Exception {
    JsonNode definition = ArkSamples.load("node_configuration_crypto.json").get("data").deepCopy();
    // the milestone of height 2 (in force up to 59) pays 2 coins a block
    ((ObjectNode) definition.at("/milestones/1")).put("reward", 200_000_000L);
    Network network = new NetworkLoader().fromJson(definition, null);
    HttpGet http = serve(network, 4);

    assertThat(http.ok("/api/blockchain").at("/data/supply").asText())
        .isEqualTo(Long.toString(PREMINE + 3 * 200_000_000L));
  }

  @Test
  void emptyChainHasNoBlockchainAnswer() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 0);

    assertThat(http.error("/api/blockchain", 404).get("message").asText())
        .isEqualTo("Block not found");
  }

  @Test
  void cryptoConfigurationIsArksRecordedOne() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 1);

    assertSameTree(
        http.ok("/api/node/configuration/crypto"), ArkSamples.cryptoConfigurationWithFlags());
  }

  private HttpGet serve(Network network, int height) throws Exception {
    ChainStore store =
        ChainStore.open(
            StoreOptions.defaults(dir.resolve("db" + stores.size())), network.nethash());
    stores.add(store);
    chain = new StoredChain(network, store);
    if (height >= 1) {
      chain.commitGenesis(PREMINE, List.of(), null);
    }
    for (int h = 2; h <= height; h++) {
      chain.commit(List.of(), List.of());
    }
    ApiHttpServer server = HttpGet.serve(network, store);
    servers.add(server);
    return new HttpGet(server);
  }
}
