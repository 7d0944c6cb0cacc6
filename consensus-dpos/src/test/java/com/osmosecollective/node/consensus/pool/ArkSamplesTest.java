package com.osmosecollective.node.consensus.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our messages and result shape against responses recorded from a real ARK Core 3.9 node ({@code
 * testdata/ark-samples/tx_post_*.json}).
 */
class ArkSamplesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "tx_post_duplicate.json, ERR_DUPLICATE, ' is already in pool'",
    "tx_post_nonce_too_low.json, ERR_APPLY, ' cannot be applied: '"
  })
  void transactionLabelsMatchArks(String file, String type, String suffix) throws Exception {
    JsonNode sample = load(file);
    JsonNode serialized = sample.get("serialized").get(0);
    // mainnet (pubKeyHash 23) after aip11; devnet's milestone has the same transaction rules
    TxContext ctx = new TxContext(23, PoolFixture.DEVNET.milestones().at(1));
    Transaction tx = TransactionDecoder.decodeHex(serialized.get("hex").asText(), ctx);
    assertThat(tx.id()).isEqualTo(serialized.get("id").asText());

    JsonNode error = sample.get("response").get("errors").get(tx.id());
    assertThat(error.get("type").asText()).isEqualTo(type);
    String message = error.get("message").asText();
    String arkLabel = message.substring(0, message.indexOf(suffix));
    assertThat(TransactionLabel.of(tx)).isEqualTo(arkLabel);
  }

  @ParameterizedTest
  @CsvSource({"tx_post_duplicate.json", "tx_post_transfer_and_multipayment.json"})
  void resultJsonHasArksFieldsInArksOrder(String file) throws Exception {
    JsonNode ark = load(file).get("response");
    AdmissionResult.Builder b = new AdmissionResult.Builder();
    b.rejected("x", new PoolRejection(RejectionCode.ERR_DUPLICATE, "m"));
    JsonNode ours = b.build().toJson();
    assertThat(fieldNames(ours.get("data"))).isEqualTo(fieldNames(ark.get("data")));
    if (ark.has("errors")) {
      JsonNode arkError = ark.get("errors").elements().next();
      assertThat(fieldNames(ours.get("errors").get("x"))).isEqualTo(fieldNames(arkError));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode load(String file) throws IOException {
    Path samples = TestData.path("ark-samples");
    return MAPPER.readTree(samples.resolve(file).toFile());
  }
}
