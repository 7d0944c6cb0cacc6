package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockResourceTest {
  private final Network testnet = ArkSamples.testnet();
  private final SampleChain chain = new SampleChain(testnet);
  private final BlockResource resource = new BlockResource(testnet);

  @Test
  void emptyBlockMatchesArksAnswerByIdAtTheCaptureHeight() throws Exception {
    JsonNode expected = ArkSamples.load("blocks_latest_by_id.json").get("data");
    Block block = chain.fromResource(expected, List.of());
    long tip = ArkSamples.capturedHeight("blocks_latest_by_id.json");

    JsonNode actual =
        resource.toJson(
            chain.blockData(block), expected.get("generator").get("username").asText(), tip);

    assertSameTree(actual, expected);
  }

  @Test
  void blockWithAVoteMatchesArksListEntry() throws Exception {
    JsonNode expected = ArkSamples.load("blocks_limit2.json").get("data").get(1);
    String voteId = "edebdd887ca5d1455b5df8fe4eae64050b13db6e0c259216067ff372dc88d1c1";
    long height = expected.get("height").asLong();
    Transaction vote =
        chain.transaction(SampleChain.serializedHex("tx_post_vote.json", voteId), height);
    assertThat(vote.id()).isEqualTo(voteId);
    Block block = chain.fromResource(expected, List.of(vote));
    long tip = ArkSamples.capturedHeight("blocks_limit2.json");

    JsonNode actual =
        resource.toJson(
            chain.blockData(block), expected.get("generator").get("username").asText(), tip);

    assertSameTree(actual, expected);
  }

  @Test
  void genesisBlockHasPreviousZeroNoUsernameAndItsTotalAmount() throws Exception {
    JsonNode expected = ArkSamples.load("blocks_first.json").get("data");
    JsonNode genesisJson =
        ArkSamples.load("node_configuration_crypto.json").at("/data/genesisBlock");
    Block genesis = new BlockJson(new BlockCodec(testnet), testnet.pubKeyHash()).parse(genesisJson);
    assertThat(genesis.id()).isEqualTo(expected.get("id").asText());
    long tip = ArkSamples.capturedHeight("blocks_first.json");

    JsonNode actual = resource.toJson(chain.blockData(genesis), null, tip);

    assertSameTree(actual, expected);
  }

  @Test
  void multiPaymentsCountInTheForgedAmountButNotInTheTotal() throws Exception {
    String transferId = "f7c274753f3006f608145bd44f4d816c62f8aeb90198f0dd0933a217fc118392";
    String paymentId = "7a714236bcf88f991d35a86580e55e209eece24187354185405bfb44f3053599";
    Transaction transfer =
        chain.transaction(
            SampleChain.serializedHex("tx_post_transfer_and_multipayment.json", transferId), 5);
    Transaction payments =
        chain.transaction(
            SampleChain.serializedHex("tx_post_transfer_and_multipayment.json", paymentId), 5);
    Block block = SyntheticBlocks.unsigned(testnet, 5, List.of(transfer, payments));

    JsonNode forged = resource.toJson(chain.blockData(block), null, 5).get("forged");

    // header total = the transfer's 1000 TARK; the multi-payment moves 1 + 2 + 3 TARK more
    assertThat(forged.get("amount").asText()).isEqualTo("100600000000");
    assertThat(forged.get("fee").asText()).isEqualTo("30000000");
    assertThat(forged.get("total").asText()).isEqualTo("30000000");
    assertThat(resource.toJson(chain.blockData(block), null, 9).get("confirmations").asLong())
        .isEqualTo(4);
  }
}
