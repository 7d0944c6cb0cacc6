package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionResourceTest {
  private final Network testnet = ArkSamples.testnet();
  private final SampleChain chain = new SampleChain(testnet);
  private final TransactionResource resource = new TransactionResource(testnet);

  /**
   * The tx_get samples were recorded by send-tx.js at a tip height it did not record, so their
   * confirmations are not compared here (transactions_limit2 below checks them).
   */
  @ParameterizedTest
  @CsvSource({
    "tx_get_transfer.json, tx_post_transfer_and_multipayment.json, 5",
    "tx_get_multipayment.json, tx_post_transfer_and_multipayment.json, 5",
    "tx_get_delegate_registration.json, tx_post_delegate_registration.json, 6",
    "tx_get_vote.json, tx_post_vote.json, 7"
  })
  void matchesArksAnswerForEachRecordedType(String sample, String posted, long height)
      throws Exception {
    JsonNode expected = ArkSamples.load(sample).get("data");
    StoredTransaction stored = storedAt(expected, posted, height);

    assertSameTree(resource.toJson(stored, height + 4), expected, Set.of("confirmations"));
    assertThat(resource.toJson(stored, height + 4).get("confirmations").asLong()).isEqualTo(5);
  }

  @Test
  void listEntriesMatchWithConfirmationsAtTheCaptureHeight() throws Exception {
    JsonNode expected = ArkSamples.load("transactions_limit2.json").get("data");
    long tip = ArkSamples.capturedHeight("transactions_limit2.json");

    StoredTransaction vote = storedAt(expected.get(0), "tx_post_vote.json", 7);
    StoredTransaction registration =
        storedAt(expected.get(1), "tx_post_delegate_registration.json", 6);

    assertSameTree(resource.toJson(vote, tip), expected.get(0));
    assertSameTree(resource.toJson(registration, tip), expected.get(1));
  }

  /**
   * Storage's record of the transaction the sample shows, in a block at {@code height} with the
   * sample's block id and the block timestamp (the timestamp object's epoch, from which the test
   * checks the unix and human forms).
   */
  private StoredTransaction storedAt(JsonNode expected, String posted, long height)
      throws Exception {
    String id = expected.get("id").asText();
    Transaction tx = chain.transaction(SampleChain.serializedHex(posted, id), height);
    assertThat(tx.id()).isEqualTo(id);
    Block block = SyntheticBlocks.unsigned(testnet, height, List.of(tx));
    StoredTransaction s = chain.stored(tx, block, height);
    return new StoredTransaction(
        s.tx(),
        height,
        expected.get("blockId").asText(),
        expected.at("/timestamp/epoch").asLong(),
        1);
  }
}
