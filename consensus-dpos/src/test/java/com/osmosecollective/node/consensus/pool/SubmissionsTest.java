package com.osmosecollective.node.consensus.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void arksRecordedRequestBodyDecodesToItsIds() throws Exception {
    JsonNode sample =
        MAPPER.readTree(TestData.arkSample("tx_post_transfer_and_multipayment.json").toFile());
    List<Submitted> entries = Submissions.fromJson(sample.get("request").get("transactions"), 23);
    assertThat(entries).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(entries.get(i).decodeError()).isNull();
      assertThat(entries.get(i).entryId())
          .isEqualTo(sample.get("serialized").get(i).get("id").asText());
      assertThat(entries.get(i).tx().serialized())
          .isEqualTo(
              com.osmosecollective.node.core.encoding.Hex.decode(
                  sample.get("serialized").get(i).get("hex").asText()));
    }
  }

  @Test
  void badEntriesAreNamedByIdOrIndex() {
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    Transaction tx = f.transfer(PoolFixture.key("alice"), 1);
    ArrayNode body = MAPPER.createArrayNode();
    ObjectNode wrongId = TransactionJson.toJson(tx).put("id", "00".repeat(32));
    body.add(wrongId);
    body.add(MAPPER.createObjectNode().put("type", 0));
    body.add(TransactionJson.toJson(tx));
    List<Submitted> entries = Submissions.fromJson(body, 30);
    assertThat(entries.get(0).entryId()).isEqualTo("00".repeat(32));
    assertThat(entries.get(0).decodeError()).contains("does not match");
    assertThat(entries.get(1).entryId()).isEqualTo("1");
    assertThat(entries.get(1).tx()).isNull();
    assertThat(entries.get(2).tx()).isEqualTo(tx);
  }

  @Test
  void serializedEntriesAreNamedByIndex() {
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    Transaction tx = f.transfer(PoolFixture.key("alice"), 1);
    TxContext ctx = TxContext.of(f.network, 11);
    List<Submitted> entries =
        Submissions.fromSerialized(List.of(new byte[] {1, 2, 3}, tx.serialized()), ctx);
    assertThat(entries.get(0).entryId()).isEqualTo("0");
    assertThat(entries.get(0).decodeError()).isNotBlank();
    assertThat(entries.get(1).entryId()).isEqualTo("1");
    assertThat(entries.get(1).tx()).isEqualTo(tx);
  }
}
