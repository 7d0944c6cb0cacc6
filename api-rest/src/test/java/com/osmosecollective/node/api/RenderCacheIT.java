package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks and transactions are rendered once and served from {@link RenderCache} after: answered
 * again as the chain grows, they carry the new tip's confirmations and nothing else changes, and no
 * answer shares a node another answer can change.
 */
class RenderCacheIT {
  @TempDir Path dir;
  private LiveChain chain;
  private RestApi api;

  @BeforeEach
  void start() throws Exception {
    chain = new LiveChain(dir);
    chain.forge();
    api = new RestApi(chain.services());
    PrivateKey rich = chain.funded(0);
    Transaction transfer =
        chain.sign(
            rich,
            chain.fee(TransactionType.TRANSFER),
            5 * LiveChain.COIN,
            new Asset.Transfer(0, chain.payload(chain.funded(1))),
            0);
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("transactions").add(TransactionJson.toJson(transfer));
    assertThat(api.answer("POST", RestApi.segments("/api/transactions"), Map.of(), body).status())
        .isEqualTo(200);
    chain.forge();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private JsonNode first(String path) {
    return api.get(path, Map.of("limit", "1")).body().at("/data/0");
  }

  @Test
  void aCachedBlockOrTransactionCarriesTheNewTipsConfirmations() throws Exception {
    JsonNode block = first("/api/blocks");
    JsonNode tx = first("/api/transactions");
    assertThat(block.get("transactions").asInt()).isEqualTo(1);
    long blockConfirmations = block.get("confirmations").asLong();
    long txConfirmations = tx.get("confirmations").asLong();

    chain.forge();
    chain.forge();

    JsonNode blockAgain =
        api.get("/api/blocks/" + block.get("id").asText(), Map.of()).body().get("data");
    JsonNode listedAgain = api.get("/api/blocks", Map.of("limit", "3")).body().at("/data/2");
    JsonNode txAgain = first("/api/transactions");
    assertThat(blockAgain.get("confirmations").asLong()).isEqualTo(blockConfirmations + 2);
    assertThat(listedAgain.get("id").asText()).isEqualTo(block.get("id").asText());
    assertThat(listedAgain.get("confirmations").asLong()).isEqualTo(blockConfirmations + 2);
    assertThat(txAgain.get("confirmations").asLong()).isEqualTo(txConfirmations + 2);
    // all else as first rendered, keys in the same order
    ((ObjectNode) block).put("confirmations", blockConfirmations + 2);
    ((ObjectNode) tx).put("confirmations", txConfirmations + 2);
    assertThat(blockAgain.toString()).isEqualTo(block.toString());
    assertThat(listedAgain.toString()).isEqualTo(block.toString());
    assertThat(txAgain.toString()).isEqualTo(tx.toString());
  }

  /** {@link ResponseCache}: a kept answer is served only at the tip it was made at. */
  @Test
  void keptAnswersAreServedAtTheirTipOnly() throws Exception {
    ApiHttpServer server =
        ApiHttpServer.start(
            new java.net.InetSocketAddress("127.0.0.1", 0),
            api,
            TestServices.settings(),
            chain.services());
    try {
      Http http = new Http(server);
      String path = "/api/transactions?limit=1";
      var first = http.get(path);
      var again = http.get(path);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(again.headers().firstValue("x-block-height"))
          .isEqualTo(first.headers().firstValue("x-block-height"));
      long confirmations = Http.json(first).at("/data/0/confirmations").asLong();

      chain.forge();

      var after = http.get(path);
      assertThat(Http.json(after).at("/data/0/confirmations").asLong())
          .isEqualTo(confirmations + 1);
      assertThat(after.headers().firstValue("x-block-height").orElseThrow())
          .isEqualTo(Long.toString(chain.height()));
      // another spelling of the query is another answer, made and kept on its own
      assertThat(Http.json(http.get("/api/transactions?limit=1&page=1")).at("/data/0/id"))
          .isEqualTo(Http.json(after).at("/data/0/id"));
      // an error is never kept
      assertThat(http.get("/api/transactions?limit=0").statusCode()).isEqualTo(422);
      assertThat(http.get("/api/transactions?limit=0").statusCode()).isEqualTo(422);
    } finally {
      server.close();
    }
  }

  @Test
  void answersShareNoNodes() {
    ObjectNode one = (ObjectNode) first("/api/transactions");
    String before = first("/api/transactions").toString();
    one.put("id", "changed");
    ((ObjectNode) one.get("timestamp")).put("human", "changed");
    assertThat(first("/api/transactions").toString()).isEqualTo(before);
    ObjectNode block = (ObjectNode) first("/api/blocks");
    String blockBefore = first("/api/blocks").toString();
    ((ObjectNode) block.get("forged")).put("amount", "1");
    assertThat(first("/api/blocks").toString()).isEqualTo(blockBefore);
  }
}
