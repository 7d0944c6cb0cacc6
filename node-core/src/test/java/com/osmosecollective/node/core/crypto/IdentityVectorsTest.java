package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every identity of identities.json, re-derived from its passphrase (ARK 3.12 is the oracle). */
class IdentityVectorsTest {
  private static final int PUB_KEY_HASH = 115;
  private static final int WIF_BYTE = 44;

  static Stream<Named<JsonNode>> identities() {
    JsonNode root = TestData.load("identities.json");
    assertThat(root.path("network").path("pubKeyHash").asInt()).isEqualTo(PUB_KEY_HASH);
    assertThat(root.path("network").path("wif").asInt()).isEqualTo(WIF_BYTE);
    List<JsonNode> rows = new ArrayList<>();
    root.path("identities").forEach(rows::add);
    root.path("secondSignatureKeys").forEach(rows::add);
    assertThat(rows).hasSize(22);
    return rows.stream().map(r -> Named.of(r.get("passphrase").asText(), r));
  }

  static Stream<Named<JsonNode>> invalidAddresses() {
    List<JsonNode> rows = new ArrayList<>();
    TestData.load("identities.json").path("invalidAddresses").forEach(rows::add);
    assertThat(rows).hasSize(10);
    return rows.stream().map(r -> Named.of(r.get("name").asText(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void derivesKeysAddressAndWifFromPassphrase(JsonNode row) throws DecodeException {
    PrivateKey key = PrivateKey.fromPassphrase(row.get("passphrase").asText());

    assertThat(Hex.encode(key.toBytes())).isEqualTo(row.get("privateKey").asText());
    assertThat(Hex.encode(key.publicKey())).isEqualTo(row.get("publicKey").asText());
    byte[] payload = Address.payloadFromPublicKey(key.publicKey(), PUB_KEY_HASH);
    assertThat(Hex.encode(payload)).isEqualTo(row.get("addressPayload").asText());
    assertThat(Address.fromPublicKey(key.publicKey(), PUB_KEY_HASH))
        .isEqualTo(row.get("address").asText());
    assertThat(Wif.encode(key, WIF_BYTE)).isEqualTo(row.get("wif").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void decodesAddressAndWifBack(JsonNode row) throws DecodeException {
    String address = row.get("address").asText();
    assertThat(Address.isValid(address, PUB_KEY_HASH)).isTrue();
    assertThat(Hex.encode(Address.decode(address, PUB_KEY_HASH)))
        .isEqualTo(row.get("addressPayload").asText());
    assertThat(Address.isValid(address, 23)).isFalse();

    PrivateKey fromWif = Wif.decode(row.get("wif").asText(), WIF_BYTE);
    assertThat(Hex.encode(fromWif.toBytes())).isEqualTo(row.get("privateKey").asText());
    assertThat(Hex.encode(fromWif.publicKey())).isEqualTo(row.get("publicKey").asText());
    assertThatThrownBy(() -> Wif.decode(row.get("wif").asText(), 170))
        .isInstanceOf(DecodeException.class);
    assertThat(Secp256k1.isValidPublicKey(Hex.decode(row.get("publicKey").asText()))).isTrue();
  }

  /** Stricter than ARK's Address.validate(): 20- and 22-byte payloads are rejected as well. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAddresses")
  void rejectsInvalidAddress(JsonNode row) {
    assertThat(row.get("expectedValid").asBoolean()).isFalse();
    String address = row.get("address").asText();

    assertThat(Address.isValid(address, PUB_KEY_HASH)).as(row.get("reason").asText()).isFalse();
    assertThatThrownBy(() -> Address.decode(address, PUB_KEY_HASH))
        .isInstanceOf(DecodeException.class)
        .hasMessageNotContaining("null");
  }
}
