package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /transactions}, {@code /transactions/{id}}, {@code /transactions/types} and {@code
 * /transactions/fees} over real HTTP against a real RocksDB chain holding four of the transactions
 * ARK recorded: block 2 the transfer and the multi-payment, block 3 the delegate registration,
 * block 4 the vote; block 5 is empty.
 */
class TransactionEndpointsTest {
  private static final String TRANSFER =
      "f7c274753f3006f608145bd44f4d816c62f8aeb90198f0dd0933a217fc118392";
  private static final String MULTIPAYMENT =
      "7a714236bcf88f991d35a86580e55e209eece24187354185405bfb44f3053599";
  private static final String REGISTRATION =
      "c5ec06c0abea7e19580505279570a56f1da570b9a47cf7715ab565d4d4384f15";
  private static final String VOTE =
      "edebdd887ca5d1455b5df8fe4eae64050b13db6e0c259216067ff372dc88d1c1";

  /** What a block's own fields decide; the rest is compared with ARK's recording. */
  private static final Set<String> BLOCK_FIELDS = Set.of("blockId", "confirmations", "timestamp");

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
  void oneTransactionIsArksAnswerJoinedWithOurBlock() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    Map<String, Long> heights = Map.of(TRANSFER, 2L, MULTIPAYMENT, 2L, REGISTRATION, 3L, VOTE, 4L);
    Map<String, String> samples =
        Map.of(
            TRANSFER, "tx_get_transfer.json",
            MULTIPAYMENT, "tx_get_multipayment.json",
            REGISTRATION, "tx_get_delegate_registration.json",
            VOTE, "tx_get_vote.json");

    for (Map.Entry<String, String> e : samples.entrySet()) {
      JsonNode data = http.ok("/api/transactions/" + e.getKey()).get("data");
      long height = heights.get(e.getKey());
      assertSameTree(data, ArkSamples.load(e.getValue()).get("data"), BLOCK_FIELDS);
      assertThat(data.get("blockId").asText()).isEqualTo(chain.block(height).id());
      assertThat(data.get("confirmations").asLong()).isEqualTo(5 - height + 1);
      assertThat(data.at("/timestamp/epoch").asLong()).isEqualTo(chain.block(height).timestamp());
    }
    // ARK's Postgres compares the lowercase ids it stores as they are
    assertThat(http.error("/api/transactions/" + VOTE.toUpperCase(), 404).get("message").asText())
        .isEqualTo("Transaction not found");
  }

  @Test
  void unknownOrMalformedIdsAreArksErrors() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    http.assertError("/api/transactions/" + "0".repeat(64), "err_transactions_notfound.json");
    assertThat(http.error("/api/transactions/xyz", 422).get("message").asText())
        .isEqualTo("\"id\" must only contain hexadecimal characters");
    assertThat(http.error("/api/transactions/abc", 422).get("message").asText())
        .isEqualTo("\"id\" length must be 64 characters long");
  }

  @Test
  void listIsNewestFirstLikeArks() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    JsonNode body = http.ok("/api/transactions?limit=2");

    JsonNode recorded = ArkSamples.load("transactions_limit2.json");
    assertSameTree(body.get("data"), recorded.get("data"), BLOCK_FIELDS);
    JsonNode meta = body.get("meta");
    // ARK's Postgres estimates the total; the counted list of all transactions knows it
    assertThat(meta.get("totalCountIsEstimate").asBoolean()).isFalse();
    assertThat(meta.get("totalCount").asLong()).isEqualTo(4);
    assertThat(meta.get("self").asText()).isEqualTo(recorded.at("/meta/self").asText());
    assertThat(meta.get("next").asText()).isEqualTo(recorded.at("/meta/next").asText());

    JsonNode all = http.ok("/api/transactions");
    assertThat(ids(all)).containsExactly(VOTE, REGISTRATION, MULTIPAYMENT, TRANSFER);
    assertThat(all.at("/meta/totalCount").asLong()).isEqualTo(4);
    assertThat(all.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
    assertThat(ids(http.ok("/api/transactions?offset=3&limit=2"))).containsExactly(TRANSFER);
    assertThat(ids(http.ok("/api/transactions?page=2&limit=2")))
        .containsExactly(MULTIPAYMENT, TRANSFER);
    http.assertError("/api/transactions?limit=1000", "err_blocks_limit_too_big.json");
  }

  /**
   * {@code transform=false} answers ARK's database rows: the transaction ARK's SDK serialized (its
   * JSON), with {@code typeGroup} where ARK's deserializer sets it (after {@code network}), then
   * the block id, height and sequence ARK's model converter adds; on every list and on one.
   */
  @Test
  void untransformedTransactionsAreArksDatabaseRows() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    JsonNode posted =
        ArkSamples.load("tx_post_transfer_and_multipayment.json").at("/request/transactions");
    String blockId = chain.block(2).id();
    List<JsonNode> expected = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ObjectNode row = JsonNodeFactory.instance.objectNode();
      posted
          .get(i)
          .properties()
          .forEach(
              e -> {
                row.set(e.getKey(), e.getValue());
                if (e.getKey().equals("network")) {
                  row.put("typeGroup", 1);
                }
              });
      row.put("blockId", blockId).put("blockHeight", 2).put("sequence", i);
      expected.add(row);
    }

    JsonNode list = http.ok("/api/transactions?transform=false&orderBy=timestamp:asc").get("data");
    assertSameTree(list.get(0), expected.get(0));
    assertSameTree(list.get(1), expected.get(1));
    assertSameTree(
        http.ok("/api/transactions/" + TRANSFER + "?transform=false").get("data"), expected.get(0));
    String sender = "/api/wallets/" + StoredChain.ADDRESS;
    JsonNode ofWallet = http.ok(sender + "/transactions/sent?transform=false&limit=100");
    assertThat(ofWallet.at("/meta/self").asText()).contains("transform=false");
    assertSameTree(ofWallet.get("data").get(ofWallet.get("data").size() - 1), expected.get(0));
    JsonNode ofBlock = http.ok("/api/blocks/2/transactions?transform=false").get("data");
    assertSameTree(ofBlock.get(0), expected.get(1));
    assertThat(http.error("/api/transactions?transform=maybe", 422).get("message").asText())
        .isEqualTo("\"transform\" must be a boolean");
  }

  /** Every column ARK's transaction criteria name sorts, ties newest first (oldest when asc). */
  @Test
  void everyOrderArkAcceptsSortsTransactions() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    // fees: transfer 0.1, multi-payment 0.2, vote 1, registration 25; only the transfer has an
    // amount and a vendor field; sequences: the multi-payment is the only second of its block
    Map<String, List<String>> orders =
        Map.ofEntries(
            Map.entry("fee:desc", List.of(REGISTRATION, VOTE, MULTIPAYMENT, TRANSFER)),
            Map.entry("fee:asc", List.of(TRANSFER, MULTIPAYMENT, VOTE, REGISTRATION)),
            Map.entry("type:asc", List.of(TRANSFER, REGISTRATION, VOTE, MULTIPAYMENT)),
            Map.entry("amount:desc", List.of(TRANSFER, VOTE, REGISTRATION, MULTIPAYMENT)),
            Map.entry("amount:asc", List.of(MULTIPAYMENT, REGISTRATION, VOTE, TRANSFER)),
            // Postgres puts NULLs last ascending and first descending
            Map.entry("vendorField:asc", List.of(TRANSFER, MULTIPAYMENT, REGISTRATION, VOTE)),
            Map.entry("vendorField:desc", List.of(VOTE, REGISTRATION, MULTIPAYMENT, TRANSFER)),
            Map.entry("sequence:asc", List.of(TRANSFER, REGISTRATION, VOTE, MULTIPAYMENT)),
            Map.entry("timestamp:asc", List.of(TRANSFER, MULTIPAYMENT, REGISTRATION, VOTE)),
            Map.entry(
                "timestamp:desc,sequence:asc", List.of(VOTE, REGISTRATION, TRANSFER, MULTIPAYMENT)),
            Map.entry("timestamp:desc", List.of(VOTE, REGISTRATION, MULTIPAYMENT, TRANSFER)),
            Map.entry("version:asc,fee:asc", List.of(TRANSFER, MULTIPAYMENT, VOTE, REGISTRATION)));
    for (Map.Entry<String, List<String>> e : orders.entrySet()) {
      assertThat(ids(http.ok("/api/transactions?orderBy=" + e.getKey())))
          .as(e.getKey())
          .containsExactlyElementsOf(e.getValue());
    }
    JsonNode page = http.ok("/api/transactions?orderBy=fee:desc&limit=1&page=2");
    assertThat(ids(page)).containsExactly(VOTE);
    assertThat(page.at("/meta/totalCount").asLong()).isEqualTo(4);
    assertThat(ids(http.ok("/api/transactions?orderBy=fee:asc&type=6,3")))
        .containsExactly(MULTIPAYMENT, VOTE);
  }

  @Test
  void ordersArkRefusesAreItsErrors() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);
    Map<String, String> errors =
        Map.of(
            "height:desc",
            "Unknown orderBy property 'height'",
            "fee",
            "\"orderBy\" with value \"fee\" fails to match the required pattern:"
                + " /^[a-z._]{1,40}:(asc|desc)$/i",
            "fee:asc,type",
            "\"orderBy[1]\" with value \"type\" fails to match the required pattern:"
                + " /^[a-z._]{1,40}:(asc|desc)$/i",
            "fee:DESC",
            "Unexpected orderBy direction 'DESC' for property 'fee'");
    for (Map.Entry<String, String> e : errors.entrySet()) {
      assertThat(http.error("/api/transactions?orderBy=" + e.getKey(), 422).get("message").asText())
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    // ARK takes "address" and then fails on it (no such column): a 422 here, never a 500
    http.error("/api/transactions?orderBy=address:asc", 422);
  }

  @Test
  void typesAndFeesAreArksCoreGroupUnderTheTipsMilestone() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 5);

    JsonNode types = http.ok("/api/transactions/types").get("data");
    assertSameTree(types.get("1"), ArkSamples.load("transactions_types.json").at("/data/1"));
    assertThat(types.has("2")).as("no magistrate types on this node").isFalse();
    JsonNode fees = http.ok("/api/transactions/fees").get("data");
    assertSameTree(fees.get("1"), ArkSamples.load("transactions_fees.json").at("/data/1"));
  }

  @Test
  void beforeAip11OnlyTheFirstFiveTypesAreActive() throws Exception {
    HttpGet http = serve(ArkSamples.testnet(), 1);

    JsonNode types = http.ok("/api/transactions/types").at("/data/1");
    assertThat(names(types))
        .containsExactly(
            "Transfer", "SecondSignature", "DelegateRegistration", "Vote", "MultiSignature");
  }

  @Test
  void feesFollowTheMilestoneAtTheTip() throws Exception {
    JsonNode definition = ArkSamples.load("node_configuration_crypto.json").get("data").deepCopy();
    // the milestone of height 2 (in force up to 59): a transfer fee of its own
    ((ObjectNode) definition.at("/milestones/1/fees/staticFees")).put("transfer", 12345);
    Network network = new NetworkLoader().fromJson(definition, null);
    HttpGet http = serve(network, 5);

    assertThat(http.ok("/api/transactions/fees").at("/data/1/transfer").asText())
        .isEqualTo("12345");
  }

  /** Serves a chain of {@code height} blocks (at most 5) of the layout above. */
  private HttpGet serve(Network network, int height) throws Exception {
    ChainStore store =
        ChainStore.open(
            StoreOptions.defaults(dir.resolve("db" + stores.size())), network.nethash());
    stores.add(store);
    chain = new StoredChain(network, store);
    SampleChain samples = new SampleChain(network);
    DelegateAttributes registered =
        new DelegateAttributes("genesis_1", 0, 0, 0, 0, 0, 1, 1, null, false);
    chain.commit(
        List.of(),
        List.of(
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
                Map.of())));
    String payments = "tx_post_transfer_and_multipayment.json";
    List<List<Transaction>> blocks =
        List.of(
            List.of(
                samples.transaction(SampleChain.serializedHex(payments, TRANSFER), 2),
                samples.transaction(SampleChain.serializedHex(payments, MULTIPAYMENT), 2)),
            List.of(
                samples.transaction(
                    SampleChain.serializedHex("tx_post_delegate_registration.json", REGISTRATION),
                    3)),
            List.of(samples.transaction(SampleChain.serializedHex("tx_post_vote.json", VOTE), 4)),
            List.of());
    for (int h = 2; h <= height; h++) {
      chain.commit(blocks.get(h - 2), List.of());
    }
    ApiHttpServer server = HttpGet.serve(network, store);
    servers.add(server);
    return new HttpGet(server);
  }

  private static List<String> ids(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("data").forEach(t -> out.add(t.get("id").asText()));
    return out;
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
