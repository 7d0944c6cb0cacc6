package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /blocks}, {@code /blocks/first}, {@code /blocks/last} and {@code
 * /blocks/{id}/transactions} over real HTTP against a real RocksDB chain of six blocks; block 2
 * holds the transfer and the multi-payment ARK recorded in {@code tx_block_transactions.json}.
 */
class BlockEndpointsTest {
  private static final String SAMPLE_BLOCK_ID = "11818612663047930442";
  private static final String TRANSFER =
      "f7c274753f3006f608145bd44f4d816c62f8aeb90198f0dd0933a217fc118392";
  private static final String MULTIPAYMENT =
      "7a714236bcf88f991d35a86580e55e209eece24187354185405bfb44f3053599";

  @TempDir Path dir;

  private final Network testnet = ArkSamples.testnet();
  private final SampleChain samples = new SampleChain(testnet);
  private ChainStore store;
  private StoredChain chain;
  private ApiHttpServer server;
  private HttpGet http;

  @BeforeEach
  void startOnASixBlockChain() throws Exception {
    store = ChainStore.open(StoreOptions.defaults(dir), testnet.nethash());
    chain = new StoredChain(testnet, store);
    DelegateAttributes registered =
        new DelegateAttributes("genesis_1", 0, 0, 0, 0, 0, 1, 1, null, false);
    Wallet delegate =
        new Wallet(
            StoredChain.ADDRESS,
            StoredChain.KEY,
            500,
            1,
            null,
            null,
            registered,
            null,
            Set.of(),
            0,
            Map.of());
    chain.commit(List.of(), List.of(delegate));
    String posted = "tx_post_transfer_and_multipayment.json";
    Transaction transfer = samples.transaction(SampleChain.serializedHex(posted, TRANSFER), 2);
    Transaction multi = samples.transaction(SampleChain.serializedHex(posted, MULTIPAYMENT), 2);
    chain.commit(List.of(transfer, multi), List.of());
    for (int i = 3; i <= 6; i++) {
      chain.commit(List.of(), List.of());
    }
    server = HttpGet.serve(testnet, store);
    http = new HttpGet(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void listIsNewestFirstWithArksMetaButAnExactTotal() throws Exception {
    JsonNode body = http.ok("/api/blocks?limit=2");

    JsonNode recorded = ArkSamples.load("blocks_limit2.json").get("meta");
    // the recorded chain was 8 high but Postgres estimated 6 blocks, which this chain holds exactly
    assertSameTree(body.get("meta"), recorded, Set.of("totalCountIsEstimate"));
    assertThat(body.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
    assertThat(heights(body)).containsExactly(6L, 5L);
    assertSameTree(body.get("data").get(0), resource(6));
    assertSameTree(body.get("data").get(1), resource(5));
  }

  @Test
  void pagesAndOffsetsWalkDownTheChain() throws Exception {
    JsonNode last = http.ok("/api/blocks?page=3&limit=2");
    assertThat(heights(last)).containsExactly(2L, 1L);
    assertThat(last.at("/meta/next").isNull()).isTrue();
    assertThat(last.at("/meta/previous").asText())
        .isEqualTo("/blocks?page=2&limit=2&transform=true");

    assertThat(heights(http.ok("/api/blocks?offset=5&limit=2"))).containsExactly(1L);
    JsonNode beyond = http.ok("/api/blocks?page=4&limit=2");
    assertThat(heights(beyond)).isEmpty();
    assertThat(beyond.at("/meta/count").asInt()).isZero();

    JsonNode all = http.ok("/api/blocks");
    assertThat(heights(all)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(all.at("/meta/self").asText()).isEqualTo("/blocks?transform=true&page=1&limit=100");
    assertThat(all.at("/meta/totalCount").asLong()).isEqualTo(6);
  }

  /**
   * {@code transform=false} is ARK's blocks-table row: the transformed block's values under the
   * column names, the genesis block's predecessor "0", and the header total (ARK's forged amount
   * adds the multi-payments, the row does not).
   */
  @Test
  void untransformedBlocksAreArksDatabaseRows() throws Exception {
    for (String path :
        List.of(
            "/api/blocks?transform=false&limit=100",
            "/api/delegates/genesis_1/blocks?transform=false")) {
      JsonNode rows = http.ok(path).get("data");
      assertThat(rows.size()).isEqualTo(6);
      for (JsonNode row : rows) {
        long height = row.get("height").asLong();
        JsonNode t = resource(height);
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        expected.put("id", t.get("id").asText());
        expected.put("version", t.get("version").asInt());
        expected.put("timestamp", t.at("/timestamp/epoch").asLong());
        expected.put("previousBlock", t.get("previous").asText());
        expected.put("height", height);
        expected.put("numberOfTransactions", t.get("transactions").asInt());
        expected.put("totalAmount", Long.toString(chain.block(height).totalAmount()));
        expected.put("totalFee", t.at("/forged/fee").asText());
        expected.put("reward", t.at("/forged/reward").asText());
        expected.put("payloadLength", t.at("/payload/length").asInt());
        expected.put("payloadHash", t.at("/payload/hash").asText());
        expected.put("generatorPublicKey", t.at("/generator/publicKey").asText());
        expected.put("blockSignature", t.get("signature").asText());
        assertSameTree(row, expected);
      }
    }
    assertThat(http.ok("/api/blocks/first?transform=false").at("/data/previousBlock").asText())
        .isEqualTo("0");
    assertThat(http.ok("/api/blocks/last?transform=false").at("/data/height").asLong())
        .isEqualTo(6);
    assertThat(http.ok("/api/blocks/2?transform=false").at("/data/totalAmount").asText())
        .isEqualTo("100000000000");
  }

  @Test
  void everyOrderArkAcceptsSortsBlocks() throws Exception {
    // only block 2 has transactions and fees; ties keep the chain order of the direction
    assertThat(heights(http.ok("/api/blocks?orderBy=numberOfTransactions:desc")))
        .containsExactly(2L, 6L, 5L, 4L, 3L, 1L);
    assertThat(heights(http.ok("/api/blocks?orderBy=totalFee:asc")))
        .containsExactly(1L, 3L, 4L, 5L, 6L, 2L);
    assertThat(heights(http.ok("/api/blocks?orderBy=height:asc&limit=2&page=2")))
        .containsExactly(3L, 4L);
    assertThat(heights(http.ok("/api/blocks?orderBy=timestamp:desc&limit=2")))
        .containsExactly(6L, 5L);
    List<String> ids = new ArrayList<>();
    for (long h = 1; h <= 6; h++) {
      ids.add(chain.block(h).id());
    }
    ids.sort(null);
    List<String> sorted = new ArrayList<>();
    http.ok("/api/blocks?orderBy=id:asc")
        .get("data")
        .forEach(b -> sorted.add(b.get("id").asText()));
    assertThat(sorted).isEqualTo(ids);
    assertThat(heights(http.ok("/api/blocks?orderBy=payloadLength:desc&limit=1")))
        .containsExactly(2L);
    assertThat(http.error("/api/blocks?orderBy=generator:asc", 422).get("message").asText())
        .isEqualTo("Unknown orderBy property 'generator'");
  }

  @Test
  void badPagingIsArksError() throws Exception {
    http.assertError("/api/blocks?limit=1000", "err_blocks_limit_too_big.json");
    JsonNode zero = http.error("/api/blocks?page=0", 422);
    assertThat(zero.get("message").asText()).isEqualTo("\"page\" must be a positive number");
  }

  @Test
  void firstIsTheGenesisBlockAndLastTheTip() throws Exception {
    assertSameTree(http.ok("/api/blocks/first").get("data"), resource(1));
    assertSameTree(http.ok("/api/blocks/last").get("data"), resource(6));
    assertThat(http.ok("/api/blocks/first").at("/data/confirmations").asLong()).isEqualTo(5);
  }

  @Test
  void blockTransactionsAreArksPlainResourcesNewestFirst() throws Exception {
    String id = chain.block(2).id();
    JsonNode expected = recordedBlockTransactions(id);

    for (String idOrHeight : List.of(id, "2")) {
      JsonNode body = http.ok("/api/blocks/" + idOrHeight + "/transactions");
      assertSameTree(body.get("data"), expected.get("data"));
      assertThat(body.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
      if (idOrHeight.equals(id)) {
        assertSameTree(body.get("meta"), expected.get("meta"), Set.of("totalCountIsEstimate"));
      }
    }
  }

  @Test
  void blockTransactionsPageThroughTheBlock() throws Exception {
    String id = chain.block(2).id();
    JsonNode second = http.ok("/api/blocks/" + id + "/transactions?limit=1&page=2");

    assertThat(second.at("/data/0/id").asText()).isEqualTo(TRANSFER);
    assertThat(second.at("/meta/count").asInt()).isEqualTo(1);
    assertThat(second.at("/meta/pageCount").asInt()).isEqualTo(2);
    assertThat(second.at("/meta/next").isNull()).isTrue();
    assertThat(second.at("/meta/previous").asText())
        .isEqualTo("/blocks/" + id + "/transactions?limit=1&page=1&transform=true");
    assertThat(http.ok("/api/blocks/3/transactions").get("data")).isEmpty();
  }

  @Test
  void blockTransactionsOfAMissingOrMalformedBlockAreArksErrors() throws Exception {
    assertThat(http.error("/api/blocks/99/transactions", 404).get("message").asText())
        .isEqualTo("Block not found");
    http.assertError("/api/blocks/notfound/transactions", "err_blocks_notfound.json");
    // the path is validated before the query, as Hapi does
    http.assertError("/api/blocks/notfound/transactions?limit=0", "err_blocks_notfound.json");
    assertThat(http.error("/api/blocks/2/transactions?limit=0", 422).get("message").asText())
        .isEqualTo("\"limit\" must be greater than or equal to 1");
  }

  /** ARK's recorded answer with the recorded block's id replaced by this chain's block 2. */
  private static JsonNode recordedBlockTransactions(String id) {
    JsonNode recorded = ArkSamples.load("tx_block_transactions.json").deepCopy();
    for (JsonNode tx : recorded.get("data")) {
      ((ObjectNode) tx).put("blockId", id);
    }
    ObjectNode meta = (ObjectNode) recorded.get("meta");
    for (String link : List.of("self", "first", "last")) {
      meta.put(link, meta.get(link).asText().replace(SAMPLE_BLOCK_ID, id));
    }
    return recorded;
  }

  private JsonNode resource(long height) {
    BlockData block = chain.block(height);
    return new BlockResource(testnet).toJson(block, "genesis_1", chain.tip());
  }

  private static List<Long> heights(JsonNode body) {
    List<Long> out = new ArrayList<>();
    for (Iterator<JsonNode> it = body.get("data").elements(); it.hasNext(); ) {
      out.add(it.next().get("height").asLong());
    }
    return out;
  }
}
