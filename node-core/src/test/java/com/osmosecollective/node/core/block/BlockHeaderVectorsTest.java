package com.osmosecollective.node.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Block headers made by ARK's library (vectors/blocks.json): bytes, ids and signatures. */
class BlockHeaderVectorsTest {

  private static Milestones vectorMilestones() throws Exception {
    return new NetworkLoader()
        .loadFile(TestData.vectors().resolve("osm-network.json"))
        .milestones();
  }

  @TestFactory
  List<DynamicTest> headersDecodeReencodeAndHashLikeArk() throws Exception {
    JsonNode blocks = TestData.load("blocks.json").path("blocks");
    BlockHeaderCodec codec = new BlockHeaderCodec(vectorMilestones());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : blocks) {
      tests.add(
          DynamicTest.dynamicTest(
              vector.path("name").asText(),
              () -> {
                byte[] signed = Hex.decode(vector.path("serializedHeader").asText());
                BlockHeader header = codec.decode(new ByteReader(signed));
                JsonNode json = vector.path("json");
                assertThat(header.height()).isEqualTo(json.path("height").asLong());
                assertThat(header.timestamp()).isEqualTo(json.path("timestamp").asLong());
                assertThat(header.previousBlock()).isEqualTo(json.path("previousBlock").asText());
                assertThat(header.totalAmount()).isEqualTo(json.path("totalAmount").asLong());
                assertThat(header.reward()).isEqualTo(json.path("reward").asLong());
                assertThat(Hex.encode(header.blockSignature()))
                    .isEqualTo(json.path("blockSignature").asText());
                assertThat(Hex.encode(codec.serialize(header, true)))
                    .isEqualTo(vector.path("serializedHeader").asText());
                assertThat(Hex.encode(codec.serialize(header, false)))
                    .isEqualTo(vector.path("serializedHeaderUnsigned").asText());
                String id = codec.id(header);
                assertThat(id).isEqualTo(vector.path("id").asText());
                assertThat(BlockIds.toHex(id)).isEqualTo(vector.path("idHex").asText());
                assertThat(BlockIds.toHex(header.previousBlock()))
                    .isEqualTo(json.path("previousBlockHex").asText());
                assertThat(
                        new BouncyCastleVerifier()
                            .verifyEcdsa(
                                codec.signingDigest(header),
                                header.blockSignature(),
                                header.generatorPublicKey()))
                    .isTrue();
              }));
    }
    return tests;
  }
}
