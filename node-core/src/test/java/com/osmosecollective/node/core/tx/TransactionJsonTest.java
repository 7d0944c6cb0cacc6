package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import org.junit.jupiter.api.Test;

class TransactionJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int NET = RandomTransactions.NETWORK;

  private static ObjectNode transferJson() {
    return TransactionJson.toJson(TestTransactions.transfer());
  }

  @Test
  void shapeOfVersion2() {
    ObjectNode json = transferJson();
    assertThat(json.has("typeGroup")).isFalse();
    assertThat(json.has("timestamp")).isFalse();
    assertThat(json.get("nonce").isTextual()).isTrue();
    assertThat(json.get("fee").isTextual()).isTrue();
    assertThat(json.get("amount").asText()).isEqualTo("1");
    assertThat(json.get("recipientId").asText()).startsWith("o");
  }

  @Test
  void acceptsWhatSdksSend() throws Exception {
    Transaction tx = TestTransactions.transfer();
    ObjectNode json = transferJson();
    json.put("typeGroup", 1);
    json.put("amount", 1); // a number instead of a string
    json.put("id", "00".repeat(32)); // ignored: ids are computed
    assertThat(TransactionJson.parse(json, NET)).isEqualTo(tx);
  }

  @Test
  void signSignatureIsTheLegacyNameOfTheSecondSignature() throws Exception {
    Transaction tx =
        TransactionSigner.secondSign(TestTransactions.transfer(), TestTransactions.SECOND);
    ObjectNode json = TransactionJson.toJson(tx);
    json.set("signSignature", json.remove("secondSignature"));
    assertThat(TransactionJson.parse(json, NET)).isEqualTo(tx);
  }

  @Test
  void rejectsBadValues() {
    assertRejected(j -> j.put("amount", "-1"));
    assertRejected(j -> j.put("amount", "9223372036854775808"));
    assertRejected(j -> j.put("fee", 1.5));
    assertRejected(j -> j.put("fee", "1e3"));
    assertRejected(j -> j.put("type", 11));
    assertRejected(j -> j.put("typeGroup", 2));
    assertRejected(j -> j.remove("recipientId"));
    assertRejected(j -> j.put("recipientId", "AGeYmgbg2LgGxRW2vNNJvQ88PknEJsYizC"));
    assertRejected(j -> j.put("senderPublicKey", "zz"));
    assertRejected(j -> j.put("signature", "abc"));
    assertRejected(j -> j.put("version", 3));
    assertRejected(j -> j.put("nonce", "x"));
  }

  @Test
  void rejectsNonObjects() {
    assertThatThrownBy(() -> TransactionJson.parse(MAPPER.readTree("[]"), NET))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> TransactionJson.parse(null, NET)).isInstanceOf(DecodeException.class);
  }

  @Test
  void vendorFieldOnlyWhereTheTypeHasOne() throws Exception {
    ObjectNode vote =
        TransactionJson.toJson(
            TestTransactions.signed(
                TestTransactions.v2(
                    new Asset.Vote(
                        java.util.List.of(
                            new Asset.VoteEntry(true, TestTransactions.SENDER_KEY))))));
    vote.put("vendorField", "not allowed");
    assertThatThrownBy(() -> TransactionJson.parse(vote, NET)).isInstanceOf(DecodeException.class);
  }

  @Test
  void version1VotesCarryTheSenderAddressAsRecipient() throws Exception {
    Transaction vote =
        TransactionSigner.sign(
            TestTransactions.v1(
                    new Asset.Vote(
                        java.util.List.of(new Asset.VoteEntry(false, TestTransactions.SENDER_KEY))))
                .build(),
            TestTransactions.SENDER);
    JsonNode json = TransactionJson.toJson(vote);
    assertThat(json.get("recipientId").asText())
        .isEqualTo(
            com.osmosecollective.node.core.crypto.Address.fromPublicKey(
                TestTransactions.SENDER.publicKey(), NET));
    assertThat(json.has("nonce")).isFalse();
    assertThat(json.get("timestamp").asInt()).isEqualTo(1000);
    assertThat(TransactionJson.parse(json, NET)).isEqualTo(vote);
  }

  private interface Edit {
    void apply(ObjectNode json);
  }

  private static void assertRejected(Edit edit) {
    ObjectNode json = transferJson();
    edit.apply(json);
    assertThatThrownBy(() -> TransactionJson.parse(json, NET))
        .as(json.toString())
        .isInstanceOf(DecodeException.class);
  }
}
