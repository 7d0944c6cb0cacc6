package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * crypto.json: hashes, deterministic ECDSA and Schnorr signatures, and AIP-18 multi-signature keys.
 * The slot rows belong to the consensus code and are tested there.
 */
class CryptoVectorsTest {
  private static final List<SignatureVerifier> VERIFIERS = NativeVerifiers.all();

  static Stream<Named<JsonNode>> signatures() {
    return rows("signatures", 6)
        .map(r -> Named.of("signer " + r.get("signer") + " " + r.get("message"), r));
  }

  static Stream<Named<JsonNode>> multiSignatureKeys() {
    return rows("multiSignatureKeys", 4).map(r -> Named.of(r.get("address").asText(), r));
  }

  private static Stream<JsonNode> rows(String field, int expected) {
    List<JsonNode> rows = new ArrayList<>();
    TestData.load("crypto.json").path(field).forEach(rows::add);
    assertThat(rows).hasSize(expected);
    return rows.stream();
  }

  @Test
  void hashes() throws DecodeException {
    JsonNode h = TestData.load("crypto.json").get("hashes");
    byte[] input = h.get("input").asText().getBytes(StandardCharsets.UTF_8);
    assertThat(Hex.encode(input)).isEqualTo(h.get("inputHex").asText());

    assertThat(Hex.encode(Hashes.sha256(input))).isEqualTo(h.get("sha256").asText());
    assertThat(Hex.encode(Hashes.ripemd160(input))).isEqualTo(h.get("ripemd160").asText());
    assertThat(Hex.encode(Hashes.hash160(input))).isEqualTo(h.get("hash160").asText());
    assertThat(Hex.encode(Hashes.hash256(input))).isEqualTo(h.get("hash256").asText());
    byte[] padded = Hex.decode("00" + h.get("inputHex").asText() + "00");
    assertThat(Hex.encode(Hashes.sha256(padded, 1, input.length)))
        .isEqualTo(h.get("sha256").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void reproducesSignaturesByteForByte(JsonNode row) throws DecodeException {
    PrivateKey key = PrivateKey.fromBytes(Hex.decode(row.get("privateKey").asText()));
    assertThat(Hex.encode(key.publicKey())).isEqualTo(row.get("publicKey").asText());
    byte[] digest = MessageSigning.digest(row.get("message").asText());
    assertThat(Hex.encode(digest)).isEqualTo(row.get("hash").asText());

    assertThat(Hex.encode(Ecdsa.sign(digest, key))).isEqualTo(row.get("ecdsaDer").asText());
    assertThat(Hex.encode(Schnorr.sign(digest, key))).isEqualTo(row.get("schnorr").asText());
    assertThat(Hex.encode(MessageSigning.sign(row.get("message").asText(), key).signature()))
        .isEqualTo(row.get("ecdsaDer").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void verifiesSignaturesAndRejectsOtherKey(JsonNode row) throws DecodeException {
    byte[] digest = Hex.decode(row.get("hash").asText());
    byte[] publicKey = Hex.decode(row.get("publicKey").asText());
    byte[] der = Hex.decode(row.get("ecdsaDer").asText());
    byte[] schnorr = Hex.decode(row.get("schnorr").asText());
    // a different, valid key: the other signer of the file
    byte[] otherKey =
        PrivateKey.fromPassphrase(
                row.get("signer").asInt() == 1 ? "osmose vector 2" : "osmose vector 1")
            .publicKey();

    for (SignatureVerifier verifier : VERIFIERS) {
      String name = verifier.getClass().getSimpleName();
      assertThat(verifier.verifyEcdsa(digest, der, publicKey))
          .as(name)
          .isEqualTo(row.get("ecdsaVerifies").asBoolean());
      assertThat(verifier.verifySchnorr(digest, schnorr, publicKey))
          .as(name)
          .isEqualTo(row.get("schnorrVerifies").asBoolean());
      assertThat(verifier.verify(digest, der, publicKey)).as(name).isTrue();
      assertThat(verifier.verify(digest, schnorr, publicKey)).as(name).isTrue();
      assertThat(verifier.verifyEcdsa(digest, der, otherKey))
          .as(name)
          .isEqualTo(row.get("ecdsaVerifiesWithOtherKey").asBoolean());
      assertThat(verifier.verifySchnorr(digest, schnorr, otherKey))
          .as(name)
          .isEqualTo(row.get("schnorrVerifiesWithOtherKey").asBoolean());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multiSignatureKeys")
  void derivesMultiSignaturePublicKeyAndAddress(JsonNode row) throws DecodeException {
    List<byte[]> keys = new ArrayList<>();
    for (JsonNode key : row.at("/asset/publicKeys")) {
      keys.add(Hex.decode(key.asText()));
    }
    byte[] publicKey = MultiSignatureKeys.publicKey(row.at("/asset/min").asInt(), keys);

    assertThat(Hex.encode(publicKey)).isEqualTo(row.get("publicKey").asText());
    assertThat(Address.fromPublicKey(publicKey, 115)).isEqualTo(row.get("address").asText());
  }
}
