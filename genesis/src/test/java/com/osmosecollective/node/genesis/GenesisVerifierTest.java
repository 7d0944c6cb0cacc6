package com.osmosecollective.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.testing.TestData;
import org.junit.jupiter.api.Test;

class GenesisVerifierTest {
  private final Network network = shipped("osmose-2018");

  private static Network shipped(String name) {
    try {
      return new NetworkLoader().load(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private GenesisReport verify(JsonNode genesis) throws Exception {
    return new GenesisVerifier(network, new BouncyCastleVerifier()).verify(genesis);
  }

  @Test
  void theHistoricalOsmoseGenesisBlockIsValid() throws Exception {
    GenesisReport report = verify(network.genesisBlock());
    assertThat(report.failures()).isEmpty();
    assertThat(report.valid()).isTrue();
    assertThat(report.transactionCount()).isEqualTo(52);
    assertThat(report.blockId()).isEqualTo("16936459878532358989");
  }

  @Test
  void theVectorsCopyOfTheGenesisBlockIsTheSameBlock() throws Exception {
    JsonNode copy = TestData.load("osmose-genesis-block.json");
    assertThat(copy).isEqualTo(network.genesisBlock());
    assertThat(verify(copy).valid()).isTrue();
  }

  @Test
  void aChangedAmountBreaksTheSignatureTheTotalsAndThePayload() throws Exception {
    ObjectNode tampered = network.genesisBlock().deepCopy();
    ObjectNode premine = (ObjectNode) tampered.withArray("transactions").get(0);
    premine.put("amount", premine.get("amount").asLong() - 1);
    GenesisReport report = verify(tampered);
    assertThat(report.valid()).isFalse();
    assertThat(report.failures())
        .extracting(GenesisCheck::name)
        .contains("transaction ids", "transaction signatures", "totals", "payloadHash");
  }

  @Test
  void aChangedBlockSignatureOrIdIsCaught() throws Exception {
    ObjectNode tampered = network.genesisBlock().deepCopy();
    String signature = tampered.get("blockSignature").asText();
    char last = signature.charAt(signature.length() - 1);
    tampered.put(
        "blockSignature",
        signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0'));
    tampered.put("id", "1");
    GenesisReport report = verify(tampered);
    assertThat(report.failures())
        .extracting(GenesisCheck::name)
        .containsExactlyInAnyOrder("block signature", "block id");
  }

  @Test
  void aGenesisBlockOfAnotherNetworkFailsTheNethashCheck() throws Exception {
    Network n = network;
    Network other =
        new Network(
            n.name(),
            n.pubKeyHash(),
            n.wif(),
            "309da8ed14e3038e0ed1a938a206da9d13879e466f89b5902a8d35183270b4f3",
            n.messagePrefix(),
            n.token(),
            n.symbol(),
            n.explorer(),
            n.milestones(),
            n.genesisBlock(),
            n.exceptions(),
            n.premine());
    GenesisReport report =
        new GenesisVerifier(other, new BouncyCastleVerifier()).verify(n.genesisBlock());
    assertThat(report.failures()).extracting(GenesisCheck::name).containsExactly("nethash");
  }

  @Test
  void aMissingTransactionBreaksTotalsAndPayload() throws Exception {
    ObjectNode other = network.genesisBlock().deepCopy();
    ArrayNode txs = other.withArray("transactions");
    txs.remove(txs.size() - 1);
    GenesisReport report = verify(other);
    assertThat(report.failures())
        .extracting(GenesisCheck::name)
        .contains("payloadHash", "totals", "payloadLength");
  }
}
