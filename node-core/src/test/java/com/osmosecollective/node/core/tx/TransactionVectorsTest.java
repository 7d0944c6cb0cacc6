package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every transaction of transactions-v2.json and transactions-v1.json, end to end. */
class TransactionVectorsTest {
  private final TransactionVerifier verifier = new TransactionVerifier(new BouncyCastleVerifier());

  @TestFactory
  Stream<DynamicTest> version2() {
    JsonNode file = TestData.load("transactions-v2.json");
    TxContext ctx = TxVectors.context(file.get("configuredHeight").asLong());
    return vectors(file, ctx);
  }

  @TestFactory
  Stream<DynamicTest> version1() {
    JsonNode file = TestData.load("transactions-v1.json");
    TxContext ctx = TxVectors.context(file.get("configuredHeight").asLong());
    return vectors(file, ctx);
  }

  private Stream<DynamicTest> vectors(JsonNode file, TxContext ctx) {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : file.get("vectors")) {
      tests.add(dynamicTest(v.get("name").asText(), () -> check(v, ctx)));
    }
    return tests.stream();
  }

  private void check(JsonNode v, TxContext ctx) throws Exception {
    String serialized = v.get("serialized").asText();
    Transaction decoded = TransactionDecoder.decodeHex(serialized, ctx);

    // bytes and id
    assertThat(Hex.encode(decoded.serialized())).isEqualTo(serialized);
    assertThat(decoded.id()).isEqualTo(v.get("id").asText());
    assertThat(Hex.encode(decoded.idBytes())).isEqualTo(v.get("id").asText());

    // JSON both ways
    assertThat(TransactionJson.toJson(decoded)).isEqualTo(v.get("json"));
    Transaction fromJson = TransactionJson.parse(v.get("json"), ctx.pubKeyHash());
    assertThat(fromJson).isEqualTo(decoded);
    assertThat(Hex.encode(fromJson.serialized())).isEqualTo(serialized);
    assertThat(fromJson.id()).isEqualTo(v.get("id").asText());

    // signing digests and preimages
    JsonNode hashes = v.get("hashes");
    assertThat(Hex.encode(TransactionHashes.signaturePreimage(decoded)))
        .isEqualTo(hashes.get("signaturePreimage").asText());
    assertThat(Hex.encode(TransactionHashes.signatureHash(decoded)))
        .isEqualTo(hashes.get("signatureHash").asText());
    if (hashes.has("secondSignatureHash")) {
      assertThat(Hex.encode(TransactionHashes.secondSignatureHash(decoded)))
          .isEqualTo(hashes.get("secondSignatureHash").asText());
    }
    if (hashes.has("multiSignatureHash")) {
      assertThat(Hex.encode(TransactionHashes.multiSignatureHash(decoded)))
          .isEqualTo(hashes.get("multiSignatureHash").asText());
    }
    if (hashes.has("legacyBytesForId")) {
      assertThat(Hex.encode(LegacyBytes.of(decoded)))
          .isEqualTo(hashes.get("legacyBytesForId").asText());
    }

    // verification, with what the vector says about the sender's wallet
    JsonNode inputs = v.get("inputs");
    Bytes secondKey =
        inputs.has("secondPassphrase")
            ? Bytes.of(
                PrivateKey.fromPassphrase(inputs.get("secondPassphrase").asText()).publicKey())
            : null;
    Asset.MultiSignature walletMultiSig =
        v.has("multiSignatureAsset")
            ? TxVectors.multiSignature(v.get("multiSignatureAsset"))
            : null;
    VerificationResult library = verifier.verify(decoded, ctx);
    assertThat(library.verified()).isEqualTo(v.get("library").get("fromHexVerified").asBoolean());
    VerificationResult full =
        verifier.verify(decoded, ctx, SenderKeys.of(secondKey, walletMultiSig));
    assertThat(full.reasons()).isEmpty();
    assertThat(full.verified()).isTrue();

    // our signer reproduces the signatures (Schnorr and RFC 6979 ECDSA are deterministic)
    assertThat(resign(decoded, v)).isEqualTo(decoded);
  }

  private static Transaction resign(Transaction tx, JsonNode v) {
    JsonNode inputs = v.get("inputs");
    Transaction t =
        tx.toBuilder().signature(null).secondSignature(null).signatures(List.of()).build();
    if (inputs.has("multiSigners")) {
      for (JsonNode signer : inputs.get("multiSigners")) {
        t =
            TransactionSigner.multiSign(
                t,
                PrivateKey.fromPassphrase(signer.get("passphrase").asText()),
                signer.get("index").asInt());
      }
    }
    TransactionSigner.Scheme first = scheme(v.get("signatureScheme"));
    if (inputs.has("passphrase")) {
      t =
          TransactionSigner.sign(
              t, PrivateKey.fromPassphrase(inputs.get("passphrase").asText()), first);
    }
    if (inputs.has("secondPassphrase")) {
      t =
          TransactionSigner.secondSign(
              t,
              PrivateKey.fromPassphrase(inputs.get("secondPassphrase").asText()),
              scheme(v.get("secondSignatureScheme")));
    }
    return t;
  }

  private static TransactionSigner.Scheme scheme(JsonNode node) {
    return "ecdsa".equals(node.asText())
        ? TransactionSigner.Scheme.ECDSA
        : TransactionSigner.Scheme.SCHNORR;
  }
}
