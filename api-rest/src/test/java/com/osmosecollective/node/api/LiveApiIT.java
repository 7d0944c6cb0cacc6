package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write path and the lists over a live devnet chain: transactions POSTed through the API enter
 * the real pool, show in {@code /transactions/unconfirmed}, are forged, and every list and filter
 * finds them (and only them); node routes in ARK's shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveApiIT {
  @TempDir static Path dir;
  private LiveChain chain;
  private ApiHttpServer server;
  private Http http;
  private ApiServices services;

  private final PrivateKey alice = PrivateKey.fromPassphrase("live api test alice");
  private final PrivateKey bob = PrivateKey.fromPassphrase("live api test bob");
  private Transaction toAlice;
  private Transaction toBob;
  private Transaction ipfs;
  private Transaction vote;

  @BeforeAll
  void start() throws Exception {
    chain = new LiveChain(dir);
    chain.forge();
    services = chain.services();
    chain.chain.addListener(NodeMetrics.bind(services));
    server =
        ApiHttpServer.start(
            new java.net.InetSocketAddress("127.0.0.1", 0),
            new RestApi(services),
            TestServices.settings(),
            services,
            new MetricsEndpoint() {
              @Override
              public String contentType() {
                return "text/plain; version=0.0.4";
              }

              @Override
              public String scrape() {
                return "osmose_chain_height " + chain.height() + "\n";
              }
            });
    http = new Http(server);

    PrivateKey rich = chain.funded(0);
    toAlice =
        chain.sign(
            rich,
            chain.fee(TransactionType.TRANSFER),
            50 * LiveChain.COIN,
            new Asset.Transfer(0, chain.payload(alice)),
            0);
    toBob =
        chain.sign(
            rich,
            chain.fee(TransactionType.TRANSFER),
            70 * LiveChain.COIN,
            new Asset.Transfer(0, chain.payload(bob)),
            1);
    JsonNode answer = postTransactions(toAlice, toBob);
    assertThat(answer.at("/data/accept"))
        .as(answer.toString())
        .extracting(JsonNode::asText)
        .containsExactly(toAlice.id(), toBob.id());
    assertThat(answer.has("errors")).isFalse();
    chain.forge();
    ipfs =
        chain.sign(
            alice,
            chain.fee(TransactionType.IPFS),
            0,
            new Asset.Ipfs(
                Bytes.of(
                    com.osmosecollective.node.core.encoding.Base58.decode(
                        "QmR45FmbVVrixReBwJkhEKde2qwHYaQzGxu4ZoDeswuF9w"))),
            0);
    vote =
        chain.sign(
            bob,
            chain.fee(TransactionType.VOTE),
            0,
            new Asset.Vote(
                List.of(
                    new Asset.VoteEntry(
                        true, Bytes.of(chain.plan.delegates().get(3).key().publicKey())))),
            0);
    JsonNode second = postTransactions(ipfs, vote);
    assertThat(second.at("/data/accept").size()).as(second.toString()).isEqualTo(2);
    chain.forge();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  private JsonNode postTransactions(Transaction... txs) throws Exception {
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode list = body.putArray("transactions");
    for (Transaction tx : txs) {
      list.add(TransactionJson.toJson(tx));
    }
    HttpResponse<String> r = http.post("/api/transactions", Http.JSON.writeValueAsBytes(body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Http.json(r);
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Http.json(r);
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("data").forEach(t -> out.add(t.get("id").asText()));
    return out;
  }

  @Test
  void aDuplicateIsRefusedAsArkDoesAndThePoolListsWhatWaits() throws Exception {
    Transaction pending =
        chain.sign(
            chain.funded(1),
            chain.fee(TransactionType.TRANSFER),
            LiveChain.COIN,
            new Asset.Transfer(0, chain.payload(bob)),
            0,
            "a pending transfer");
    postTransactions(pending);
    JsonNode again = postTransactions(pending);
    assertThat(again.at("/data/invalid/0").asText()).isEqualTo(pending.id());
    assertThat(again.at("/errors/" + pending.id() + "/type").asText()).isEqualTo("ERR_DUPLICATE");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ids(ok("/api/transactions/unconfirmed")).contains(pending.id()));
    JsonNode listed = ok("/api/transactions/unconfirmed?limit=2");
    JsonNode sample = ArkSamples.load("tx_unconfirmed_pool.json").at("/data/0");
    JsonNode mine = listed.at("/data/0");
    assertThat(names(mine)).containsExactlyElementsOf(names(sample));
    assertThat(listed.at("/meta/self").asText())
        .isEqualTo("/transactions/unconfirmed?limit=2&transform=true&page=1");
    JsonNode one = ok("/api/transactions/unconfirmed/" + pending.id() + "?transform=true");
    assertThat(one.at("/data/id").asText()).isEqualTo(pending.id());
    assertThat(http.get("/api/transactions/unconfirmed/" + "0".repeat(64)).statusCode())
        .isEqualTo(404);
  }

  private static List<String> names(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void filtersFindExactlyTheMatchingTransactions() throws Exception {
    String a = chain.address(alice);
    String b = chain.address(bob);
    assertThat(ids(ok("/api/transactions?recipientId=" + a))).containsExactly(toAlice.id());
    assertThat(ids(ok("/api/transactions?recipientId=" + b))).containsExactly(toBob.id());
    assertThat(ids(ok("/api/transactions?senderId=" + a))).containsExactly(ipfs.id());
    assertThat(ids(ok("/api/transactions?address=" + a))).containsExactly(ipfs.id(), toAlice.id());
    assertThat(ids(ok("/api/transactions?type=3"))).contains(vote.id()).doesNotContain(ipfs.id());
    assertThat(ids(ok("/api/transactions?amount.from=7000000000&amount.to=7000000000")))
        .containsExactly(toBob.id());
    assertThat(
            ids(ok("/api/transactions?asset.ipfs=QmR45FmbVVrixReBwJkhEKde2qwHYaQzGxu4ZoDeswuF9w")))
        .as("an IPFS document is found by its hash")
        .containsExactly(ipfs.id());
    assertThat(ids(ok("/api/transactions?id=" + toBob.id()))).containsExactly(toBob.id());
    assertThat(ids(ok("/api/transactions?recipientId=" + a + "&amount.from=1")))
        .containsExactly(toAlice.id());
    assertThat(ids(ok("/api/transactions?recipientId=" + a + "&amount.to=1"))).isEmpty();
    assertThat(ids(ok("/api/wallets/" + a + "/transactions")))
        .containsExactly(ipfs.id(), toAlice.id());
    assertThat(ids(ok("/api/wallets/" + a + "/transactions/sent"))).containsExactly(ipfs.id());
    assertThat(ids(ok("/api/wallets/" + a + "/transactions/received")))
        .containsExactly(toAlice.id());
    assertThat(ids(ok("/api/wallets/" + b + "/votes"))).containsExactly(vote.id());
    assertThat(ids(ok("/api/votes"))).contains(vote.id());
    assertThat(ok("/api/votes/" + vote.id()).at("/data/id").asText()).isEqualTo(vote.id());
    assertThat(http.get("/api/votes/" + toBob.id()).statusCode()).isEqualTo(404);
    assertThat(ids(ok("/api/transactions?orderBy=timestamp:asc&limit=1")))
        .doesNotContain(vote.id());
  }

  @Test
  void unknownOrUnservedParametersAreRefusedNeverIgnored() throws Exception {
    HttpResponse<String> unknown = http.get("/api/transactions?recipient=x");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(Http.json(unknown).get("message").asText())
        .isEqualTo("\"recipient\" is not allowed");
    assertThat(http.get("/api/transactions?orderBy=amount").statusCode()).isEqualTo(422);
    assertThat(http.get("/api/blocks?limit=101").statusCode()).isEqualTo(422);
    assertThat(http.get("/api/node/status?x=1").statusCode()).isEqualTo(422);
  }

  @Test
  void walletsAndTopAreOrderedByBalance() throws Exception {
    JsonNode top = ok("/api/wallets/top?limit=3");
    long previous = Long.MAX_VALUE;
    for (JsonNode w : top.get("data")) {
      long balance = Long.parseLong(w.get("balance").asText());
      assertThat(balance).isLessThanOrEqualTo(previous);
      previous = balance;
    }
    assertThat(names(top.get("meta")))
        .containsExactlyElementsOf(names(ArkSamples.load("wallets_top.json").get("meta")));
    JsonNode alices = ok("/api/wallets?address=" + chain.address(alice));
    assertThat(alices.at("/meta/totalCount").asLong()).isEqualTo(1);
    assertThat(
            alices.at("/data/0/attributes/ipfs/hashes").isMissingNode()
                && alices.at("/data/0/attributes/ipfs").isMissingNode())
        .isFalse();
    assertThat(ok("/api/wallets?balance.from=1&limit=100").at("/meta/totalCount").asLong())
        .isGreaterThan(3);
  }

  @Test
  void nodeRoutesHaveArksShapes() throws Exception {
    for (String[] pair :
        new String[][] {
          {"/api/node/status", "node_status.json"},
          {"/api/node/syncing", "node_syncing.json"},
          {"/api/node/configuration", "node_configuration.json"},
          {"/api/peers", "peers.json"},
        }) {
      JsonNode mine = ok(pair[0]);
      JsonNode sample = ArkSamples.load(pair[1]);
      assertThat(names(mine.get("data").isArray() ? mine : mine.get("data")))
          .as(pair[0])
          .containsExactlyElementsOf(
              names(sample.get("data").isArray() ? sample : sample.get("data")));
    }
    JsonNode status = ok("/api/node/status");
    assertThat(status.at("/data/now").asLong()).isEqualTo(chain.height());
    assertThat(status.at("/data/synced").asBoolean()).isTrue();
    assertThat(status.at("/data/blocksCount").asLong()).isZero();
    assertThat(ok("/api/peers").at("/data").size()).as("no P2P, no peer").isZero();
    assertThat(http.get("/api/peers/1.2.3.4").statusCode()).isEqualTo(404);
    JsonNode fees = ok("/api/node/fees");
    assertThat(fees.at("/data/1/transfer/sum").asText()).isNotEqualTo("0");
    assertThat(ok("/api/transactions/schemas").at("/data/1/0").isObject()).isTrue();
  }

  @Test
  void metricsCountRequestsPerRouteAndReadTheChain() throws Exception {
    ok("/api/node/status");
    var registry = services.registry();
    assertThat(registry.get("osmose.chain.height").gauge().value()).isEqualTo(chain.height());
    assertThat(registry.get("osmose.pool.size").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(registry.get("osmose.network.peers").gauge().value()).isZero();
    assertThat(
            registry
                .get("osmose.api.requests")
                .tag("route", "/api/node/status")
                .tag("status", "200")
                .timer()
                .count())
        .isPositive();
    assertThat(registry.get("osmose.delegate.blocks.forged").counters()).isNotEmpty();
    HttpResponse<String> metrics = http.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).startsWith("osmose_chain_height ");
    assertThat(metrics.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
  }

  @Test
  void theGenesisBlockIsPublishedInArksShape() throws Exception {
    JsonNode mine = ok("/api/node/configuration/crypto").at("/data/genesisBlock");
    JsonNode sample = ArkSamples.load("node_configuration_crypto.json").at("/data/genesisBlock");
    assertThat(names(mine)).containsExactlyElementsOf(names(sample));
    JsonNode sampleTransfer = sample.get("transactions").get(0);
    for (JsonNode tx : mine.get("transactions")) {
      if (tx.get("type").asInt() == 0) {
        // ARK keeps the network file's key order, which differs between files: the keys must match
        assertThat(names(tx)).containsExactlyInAnyOrderElementsOf(names(sampleTransfer));
      }
    }
  }

  @Test
  void badBodiesAreArksErrors() throws Exception {
    assertBodyError(
        "not json".getBytes(StandardCharsets.UTF_8), "err_post_transactions_not_json.json");
    assertBodyError(
        "{\"foo\":1}".getBytes(StandardCharsets.UTF_8), "err_post_transactions_garbage_json.json");
    HttpResponse<String> badTx =
        http.post(
            "/api/transactions",
            "{\"transactions\":[{\"type\":0}]}".getBytes(StandardCharsets.UTF_8));
    assertThat(badTx.statusCode()).isEqualTo(422);
    assertThat(Http.json(badTx).get("error").asText())
        .isEqualTo(ArkSamples.load("err_post_transactions_bad_tx.json").get("error").asText());
    StringBuilder many = new StringBuilder("{\"transactions\":[");
    for (int i = 0; i < 41; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    HttpResponse<String> tooMany =
        http.post(
            "/api/transactions", many.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(tooMany.statusCode()).isEqualTo(422);
  }

  private void assertBodyError(byte[] body, String sample) throws Exception {
    HttpResponse<String> r = http.post("/api/transactions", body);
    JsonNode expected = ArkSamples.load(sample);
    assertThat(r.statusCode()).isEqualTo(expected.get("statusCode").asInt());
    JsonTrees.assertSameTree(Http.json(r), expected);
  }
}
