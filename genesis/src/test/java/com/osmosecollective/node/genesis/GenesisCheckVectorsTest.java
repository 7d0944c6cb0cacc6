package com.osmosecollective.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.block.PayloadHash;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import org.junit.jupiter.api.Test;

/** The block-level findings of vectors/genesis-check.json, reproduced by our own code. */
class GenesisCheckVectorsTest {

  @Test
  void headerIdRulesAndPayloadMatchArksAnalysis() throws Exception {
    JsonNode check = TestData.load("genesis-check.json");
    Network network = new NetworkLoader().load("osmose-2018");
    BlockCodec codec = new BlockCodec(network);
    Block genesis =
        new BlockJson(codec, network.pubKeyHash())
            .parse(TestData.load("osmose-genesis-block.json"));
    JsonNode legacyRule = check.path("byIdRule").path("idFullSha256=false");

    assertThat(Hex.encode(codec.headers().serialize(genesis.header(), false)))
        .isEqualTo(legacyRule.path("headerUnsigned").asText());
    // the declared id comes from the unsigned header; ARK's library rule gives another id
    assertThat(codec.headers().genesisId(genesis.header()))
        .isEqualTo(check.path("summary").path("declaredBlockId").asText());
    assertThat(codec.headers().id(genesis.header()))
        .isEqualTo(check.path("summary").path("libraryComputedBlockId").asText());
    // as a genesis block, the declared id is kept
    assertThat(genesis.id()).isEqualTo(check.path("summary").path("declaredBlockId").asText());

    JsonNode payload = check.path("payload");
    assertThat(Hex.encode(PayloadHash.ofGenesis(genesis.transactions())))
        .isEqualTo(payload.path("sha256OfConcatenatedLegacyTransactionBytes").asText());
    assertThat(Hex.encode(PayloadHash.ofIds(genesis.transactions())))
        .isEqualTo(payload.path("sha256OfConcatenatedTransactionIds").asText());
    assertThat(PayloadHash.genesisLength(genesis.transactions()))
        .isEqualTo(payload.path("sumOfLegacyTransactionBytes").asLong());
    assertThat(codec.serialize(genesis).length)
        .isEqualTo(check.path("libraryBlockFactory").path("serializedLengthBytes").asInt());
  }
}
