package com.osmosecollective.node.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole blocks made by ARK's library (vectors/blocks.json) and the tampered ones (negative.json).
 */
class BlockVectorsTest {
  /** Far after the vectors' timestamps, so no block is "from the future". */
  private static final long NOW = 1_000_000_000L;

  private static Network network() throws Exception {
    return new NetworkLoader().loadFile(TestData.vectors().resolve("osm-network.json"));
  }

  @TestFactory
  List<DynamicTest> arkBlocksDecodeVerifyAndReencode() throws Exception {
    Network network = network();
    BlockCodec codec = new BlockCodec(network);
    BlockVerifier verifier =
        new BlockVerifier(network, new BouncyCastleVerifier(), ForkJoinPool.commonPool());
    BlockJson json = new BlockJson(codec, network.pubKeyHash());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestData.load("blocks.json").path("blocks")) {
      tests.add(
          DynamicTest.dynamicTest(
              vector.path("name").asText(),
              () -> {
                String hex = vector.path("serialized").asText();
                Block block = codec.decode(Hex.decode(hex));
                assertThat(block.id()).isEqualTo(vector.path("id").asText());
                assertThat(block.idHex()).isEqualTo(vector.path("idHex").asText());
                assertThat(Hex.encode(codec.serialize(block))).isEqualTo(hex);
                // same fields, same order, same JSON types as ARK's toJson
                assertThat(BlockJson.toJson(block).toString())
                    .isEqualTo(vector.path("json").toString());
                BlockVerification result = verifier.verify(block, NOW);
                assertThat(result.errors()).isEmpty();
                assertThat(result.verified()).isTrue();
                // JSON in, same block out
                Block fromJson = json.parse(vector.path("json"));
                assertThat(fromJson).isEqualTo(block);
                // header-only decoding sees the same header
                assertThat(codec.decodeHeader(Hex.decode(vector.path("serializedHeader").asText())))
                    .isEqualTo(block.header());
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> ourFactoryMakesTheSameBlocksAsArk() throws Exception {
    Network network = network();
    BlockCodec codec = new BlockCodec(network);
    BlockFactory factory = new BlockFactory(codec);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestData.load("blocks.json").path("blocks")) {
      tests.add(
          DynamicTest.dynamicTest(
              vector.path("name").asText(),
              () -> {
                Block ark = codec.decode(Hex.decode(vector.path("serialized").asText()));
                JsonNode inputs = vector.path("inputs");
                List<Transaction> txs = ark.transactions();
                Block ours =
                    factory.make(
                        inputs.path("height").asLong(),
                        inputs.path("timestamp").asLong(),
                        inputs.path("previousBlock").asText(),
                        inputs.path("reward").asLong(),
                        txs,
                        PrivateKey.fromPassphrase(inputs.path("generatorPassphrase").asText()));
                // RFC 6979 signatures are deterministic: byte-identical blocks
                assertThat(Hex.encode(codec.serialize(ours)))
                    .isEqualTo(vector.path("serialized").asText());
                assertThat(ours.id()).isEqualTo(vector.path("id").asText());
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> tamperedBlocksAreRejected() throws Exception {
    Network network = network();
    BlockCodec codec = new BlockCodec(network);
    BlockVerifier verifier =
        new BlockVerifier(network, new BouncyCastleVerifier(), ForkJoinPool.commonPool());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestData.load("negative.json").path("blocks")) {
      tests.add(
          DynamicTest.dynamicTest(
              vector.path("name").asText(),
              () -> {
                assertThat(vector.path("expectedValid").asBoolean(true)).isFalse();
                byte[] bytes = Hex.decode(vector.path("serialized").asText());
                JsonNode library = vector.path("library");
                if (library.path("throws").asBoolean()) {
                  assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(DecodeException.class);
                  return;
                }
                Block block = codec.decode(bytes);
                assertThat(block.id()).isEqualTo(library.path("id").asText());
                BlockVerification result = verifier.verify(block, NOW);
                assertThat(result.verified()).isFalse();
                List<String> arkErrors = new ArrayList<>();
                library.path("errors").forEach(e -> arkErrors.add(e.asText()));
                assertThat(result.errors()).containsAll(arkErrors);
              }));
    }
    return tests;
  }

  @Test
  void blocksFromTheFutureAndWithWrongCountsFail() throws Exception {
    Network network = network();
    BlockCodec codec = new BlockCodec(network);
    BlockVerifier verifier =
        new BlockVerifier(network, new BouncyCastleVerifier(), ForkJoinPool.commonPool());
    JsonNode vector = TestData.load("blocks.json").path("blocks").get(1);
    Block block = codec.decode(Hex.decode(vector.path("serialized").asText()));
    // timestamp 40 with blocktime 20: fine at now = 20, from the future at now = 19
    assertThat(verifier.verify(block, 20).verified()).isTrue();
    assertThat(verifier.verify(block, 19).errors()).contains("Invalid block timestamp");
    Block missingTx = new Block(block.header(), block.transactions().subList(0, 2), block.id());
    assertThat(verifier.verify(missingTx, NOW).errors())
        .contains("Invalid number of transactions", "Invalid total amount", "Invalid payload hash");
  }
}
