package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The 52 version-1 transactions of the OSMOSE genesis block, from ARK 2.0 JSON. */
class GenesisTransactionsTest {
  private final TransactionVerifier verifier = new TransactionVerifier(new BouncyCastleVerifier());

  @Test
  void vectorsCopy() throws Exception {
    check(TestData.load("osmose-genesis-block.json"));
  }

  @Test
  void publishedNetworkFile() throws Exception {
    Path file = TestData.path("networks/osmose-2018/genesisBlock.json");
    check(new ObjectMapper().readTree(file.toFile()));
  }

  private void check(JsonNode genesis) throws Exception {
    JsonNode expected = TestData.load("genesis-check.json").get("transactions");
    TxContext ctx = TxVectors.context(1);
    JsonNode txs = genesis.get("transactions");
    assertThat(txs).hasSize(52);
    ByteWriter payload = new ByteWriter();
    for (int i = 0; i < txs.size(); i++) {
      JsonNode json = txs.get(i);
      Transaction tx = TransactionJson.parse(json, ctx.pubKeyHash());
      JsonNode check = expected.get(i);
      assertThat(tx.id())
          .isEqualTo(json.get("id").asText())
          .isEqualTo(check.get("declaredId").asText());
      assertThat(Hex.encode(LegacyBytes.of(tx))).isEqualTo(check.get("legacyBytes").asText());
      assertThat(Hex.encode(tx.serialized())).isEqualTo(check.get("wireSerialized").asText());
      assertThat(verifier.verify(tx, ctx).reasons()).isEmpty();
      TransactionSchema.check(tx, ctx, true);
      // the wire form decodes back to the same transaction
      assertThat(TransactionDecoder.decode(tx.serialized(), ctx)).isEqualTo(tx);
      payload.bytes(LegacyBytes.of(tx));
    }
    assertThat(payload.size()).isEqualTo(genesis.get("payloadLength").asInt());
    assertThat(Hex.encode(Hashes.sha256(payload.toByteArray())))
        .isEqualTo(genesis.get("payloadHash").asText());
  }
}
