package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature ARK's library produced in transactions-v1/v2.json and blocks.json: re-signed byte
 * for byte from the passphrases, and verified by both verifiers over the library's digests.
 * (Serialization is tested with the transaction and block code; only the crypto is checked here.)
 */
class LibrarySignaturesTest {
  private static final List<SignatureVerifier> VERIFIERS = NativeVerifiers.all();

  static Stream<Named<JsonNode>> transactions() {
    List<JsonNode> rows = new ArrayList<>();
    TestData.load("transactions-v2.json").path("vectors").forEach(rows::add);
    TestData.load("transactions-v1.json").path("vectors").forEach(rows::add);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(86);
    return rows.stream().map(v -> Named.of(v.get("name").asText(), v));
  }

  static Stream<Named<JsonNode>> blocks() {
    List<JsonNode> rows = new ArrayList<>();
    TestData.load("blocks.json").path("blocks").forEach(rows::add);
    assertThat(rows).hasSize(3);
    return rows.stream().map(b -> Named.of(b.get("name").asText(), b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transactions")
  void transactionSignatures(JsonNode vector) throws DecodeException {
    JsonNode json = vector.get("json");
    JsonNode hashes = vector.get("hashes");
    JsonNode inputs = vector.get("inputs");
    assertThat(Hex.encode(Hashes.sha256(Hex.decode(hashes.get("signaturePreimage").asText()))))
        .isEqualTo(hashes.get("signatureHash").asText());
    int checked = 0;

    if (json.has("signature")) {
      PrivateKey key = PrivateKey.fromPassphrase(inputs.get("passphrase").asText());
      assertThat(Hex.encode(key.publicKey())).isEqualTo(json.get("senderPublicKey").asText());
      checkSignature(key, hashes.get("signatureHash"), json.get("signature"));
      checked++;
    }
    if (json.has("secondSignature")) {
      PrivateKey key = PrivateKey.fromPassphrase(inputs.get("secondPassphrase").asText());
      checkSignature(key, hashes.get("secondSignatureHash"), json.get("secondSignature"));
      checked++;
    }
    if (json.has("signatures")) {
      checked += checkParticipants(vector);
    }
    assertThat(checked).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void blockSignatures(JsonNode block) throws DecodeException {
    byte[] header = Hex.decode(block.get("serializedHeaderUnsigned").asText());
    assertThat(Hex.encode(Hashes.sha256(header)))
        .isEqualTo(block.get("serializedHeaderUnsignedSha256").asText());
    PrivateKey key = PrivateKey.fromPassphrase(block.at("/inputs/generatorPassphrase").asText());
    assertThat(Hex.encode(key.publicKey()))
        .isEqualTo(block.at("/json/generatorPublicKey").asText());
    checkSignature(key, block.get("serializedHeaderUnsignedSha256"), block.get("blockSignature"));
  }

  private static int checkParticipants(JsonNode vector) throws DecodeException {
    JsonNode json = vector.get("json");
    JsonNode keysNode =
        json.has("asset") && json.get("asset").has("multiSignature")
            ? json.at("/asset/multiSignature")
            : TestData.load("transactions-v2.json").at("/multiSignatureWallet/asset");
    List<byte[]> keys = new ArrayList<>();
    keysNode.get("publicKeys").forEach(k -> keys.add(Hex.decodeOrThrow(k.asText())));
    if (!json.has("signature")) {
      // sent by the multi-signature wallet itself: its key is the AIP-18 sum
      assertThat(Hex.encode(MultiSignatureKeys.publicKey(keysNode.get("min").asInt(), keys)))
          .isEqualTo(json.get("senderPublicKey").asText());
    }
    JsonNode digest = vector.at("/hashes/multiSignatureHash");
    int count = 0;
    for (JsonNode entry : json.get("signatures")) {
      byte[] bytes = Hex.decode(entry.asText());
      int index = bytes[0];
      String passphrase = null;
      for (JsonNode signer : vector.at("/inputs/multiSigners")) {
        if (signer.get("index").asInt() == index) {
          passphrase = signer.get("passphrase").asText();
        }
      }
      assertThat(passphrase).as("signer %d", index).isNotNull();
      PrivateKey key = PrivateKey.fromPassphrase(passphrase);
      assertThat(key.publicKey()).isEqualTo(keys.get(index));
      checkSignature(key, digest, Hex.encode(Arrays.copyOfRange(bytes, 1, 65)));
      count++;
    }
    return count;
  }

  private static void checkSignature(PrivateKey key, JsonNode digestHex, JsonNode signatureHex)
      throws DecodeException {
    checkSignature(key, digestHex, signatureHex.asText());
  }

  private static void checkSignature(PrivateKey key, JsonNode digestHex, String signatureHex)
      throws DecodeException {
    byte[] digest = Hex.decode(digestHex.asText());
    byte[] signature = Hex.decode(signatureHex);
    byte[] resigned = signature.length == 64 ? Schnorr.sign(digest, key) : Ecdsa.sign(digest, key);
    assertThat(Hex.encode(resigned)).isEqualTo(signatureHex);

    byte[] otherDigest = digest.clone();
    otherDigest[0] ^= 0x40;
    for (SignatureVerifier verifier : VERIFIERS) {
      assertThat(verifier.verify(digest, signature, key.publicKey()))
          .as(verifier.getClass().getSimpleName())
          .isTrue();
      assertThat(verifier.verify(otherDigest, signature, key.publicKey())).isFalse();
    }
  }
}
