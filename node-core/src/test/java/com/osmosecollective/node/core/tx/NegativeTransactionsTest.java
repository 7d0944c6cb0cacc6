package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tampered transaction of negative.json is rejected, at ARK's step or earlier. Where ARK's
 * library accepts (it checks only the first signature), we reject once the sender wallet is known:
 * a second signature from a wallet without a second key, or a second signature that does not verify
 * against the wallet's key.
 */
class NegativeTransactionsTest {
  /** ARK's steps in order; our decoder also covers ARK's separate id step. */
  private static final List<String> STEPS = List.of("deserialize", "id", "schema", "verify", "ok");

  private final TransactionVerifier verifier = new TransactionVerifier(new BouncyCastleVerifier());

  /** What the node knows about each sender; the default is a wallet without special keys. */
  private static SenderKeys senderOf(String name, JsonNode v2) {
    return switch (name) {
      case "second_signature_bit_flipped" ->
          SenderKeys.of(
              Bytes.of(PrivateKey.fromPassphrase("osmose vector 1 second").publicKey()), null);
      case "multisig_wallet_transfer_1_of_2_required" ->
          SenderKeys.of(
              null, TxVectors.multiSignature(v2.get("multiSignatureWallet").get("asset")));
      default -> SenderKeys.of(null, null);
    };
  }

  @TestFactory
  Stream<DynamicTest> everyNegativeTransactionIsRejectedNoLaterThanArk() {
    JsonNode file = TestData.load("negative.json");
    JsonNode v2 = TestData.load("transactions-v2.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : file.get("transactions")) {
      String name = v.get("name").asText();
      tests.add(
          dynamicTest(
              name,
              () -> {
                TxContext ctx = TxVectors.context(v.get("configuredHeight").asLong());
                String ours = ourStep(v.get("serialized").asText(), ctx, senderOf(name, v2));
                String ark = v.get("library").get("stage").asText();
                assertThat(ours).as("our step").isNotEqualTo("ok");
                assertThat(STEPS.indexOf(ours))
                    .as("our step " + ours + " vs ARK's " + ark)
                    .isLessThanOrEqualTo(STEPS.indexOf(ark));
              }));
    }
    return tests.stream();
  }

  private String ourStep(String hex, TxContext ctx, SenderKeys sender) {
    Transaction tx;
    try {
      tx = TransactionDecoder.decodeHex(hex, ctx);
    } catch (DecodeException e) {
      return "deserialize";
    }
    try {
      TransactionSchema.check(tx, ctx);
    } catch (TransactionSchemaException e) {
      return "schema";
    }
    return verifier.verify(tx, ctx, sender).verified() ? "ok" : "verify";
  }

  @Test
  void theLibraryLaxCasesAreAcceptedWithoutWalletKnowledgeAndRejectedWithIt() throws Exception {
    JsonNode file = TestData.load("negative.json");
    JsonNode v2 = TestData.load("transactions-v2.json");
    TxContext ctx = TxVectors.context(2);
    Map<String, String> expectedReason =
        Map.of(
            "extra_trailing_64_bytes", "second signature from a wallet without a second public key",
            "second_signature_bit_flipped", "invalid second signature");
    for (JsonNode v : file.get("transactions")) {
      String name = v.get("name").asText();
      if (!v.get("library").get("libraryAccepts").asBoolean()) {
        continue;
      }
      Transaction tx = TransactionDecoder.decodeHex(v.get("serialized").asText(), ctx);
      assertThat(verifier.verify(tx, ctx).verified()).as(name).isTrue();
      assertThat(verifier.verify(tx, ctx, senderOf(name, v2)).reasons())
          .as(name)
          .containsExactly(expectedReason.get(name));
    }
  }

  @Test
  void idsOfDecodableNegativesMatchArk() throws Exception {
    JsonNode file = TestData.load("negative.json");
    for (JsonNode v : file.get("transactions")) {
      JsonNode lib = v.get("library");
      if (!lib.has("computedId")) {
        continue;
      }
      TxContext ctx = TxVectors.context(v.get("configuredHeight").asLong());
      try {
        Transaction tx = TransactionDecoder.decodeHex(v.get("serialized").asText(), ctx);
        assertThat(tx.id()).as(v.get("name").asText()).isEqualTo(lib.get("computedId").asText());
      } catch (DecodeException e) {
        // rejected earlier than ARK (e.g. over the milestone limits): no id to compare
      }
    }
  }

  @Test
  void unsupportedCombinationsDoNotDecode() {
    JsonNode file = TestData.load("transactions-v2.json");
    TxContext ctx = TxVectors.context(2);
    assertThat(file.get("unsupportedCombinations")).hasSize(2);
    for (JsonNode u : file.get("unsupportedCombinations")) {
      assertThatThrownBy(
              () -> TransactionDecoder.decodeHex(u.get("serializedByLibrary").asText(), ctx))
          .as(u.get("name").asText())
          .isInstanceOf(DecodeException.class);
      // our encoder still writes exactly ARK's bytes for them
      assertThat(Hex.encode(buildEcdsaRegistration(u.get("inputs"), ctx).serialized()))
          .as(u.get("name").asText())
          .isEqualTo(u.get("serializedByLibrary").asText());
    }
  }

  private static Transaction buildEcdsaRegistration(JsonNode inputs, TxContext ctx) {
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(ctx.pubKeyHash())
            .nonce(inputs.get("nonce").asLong())
            .fee(inputs.get("fee").asLong())
            .senderPublicKey(TxVectors.hex(inputs.get("senderPublicKey").asText()))
            .asset(TxVectors.multiSignature(inputs.get("multiSignature")))
            .build();
    for (JsonNode signer : inputs.get("multiSigners")) {
      tx =
          TransactionSigner.multiSign(
              tx,
              PrivateKey.fromPassphrase(signer.get("passphrase").asText()),
              signer.get("index").asInt());
    }
    tx =
        TransactionSigner.sign(
            tx,
            PrivateKey.fromPassphrase(inputs.get("passphrase").asText()),
            TransactionSigner.Scheme.ECDSA);
    if (inputs.has("secondPassphrase")) {
      tx =
          TransactionSigner.secondSign(
              tx,
              PrivateKey.fromPassphrase(inputs.get("secondPassphrase").asText()),
              TransactionSigner.Scheme.ECDSA);
    }
    return tx;
  }
}
