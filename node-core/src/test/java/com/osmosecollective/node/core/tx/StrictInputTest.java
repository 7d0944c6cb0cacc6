package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockIds;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestChains;
import com.osmosecollective.node.core.testing.TestNetworks;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue #10: decoders of public input take ASCII digits only. {@code Character.digit} also takes
 * Arabic-Indic ({@code U+0660..0669}) and full-width ({@code U+FF10..FF19}, {@code U+FF41..FF46})
 * digits, so without this two different strings would name the same key, id or amount.
 */
class StrictInputTest {
  private static final String PUBLIC_KEY = Hex.encode(TestTransactions.SENDER.publicKey());

  /** Every ASCII digit of {@code text} in another script: same value for Character.digit. */
  private static String arabicIndic(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (0x0660 + c - '0') : c);
    }
    return out.toString();
  }

  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= '0' && c <= '9') {
        out.append((char) (0xFF10 + c - '0'));
      } else if (c >= 'a' && c <= 'f') {
        out.append((char) (0xFF41 + c - 'a'));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void hexTakesOnlyAsciiHexDigits() throws Exception {
    assertThat(Hex.decode("0aFf")).containsExactly(0x0a, 0xff);
    for (String bad : new String[] {arabicIndic("0a"), fullWidth("0a"), "0\u0967", "+1", " 1"}) {
      assertThatThrownBy(() -> Hex.decode(bad)).as(bad).isInstanceOf(DecodeException.class);
      assertThat(Hex.isHex(bad, 2)).as(bad).isFalse();
    }
  }

  @Test
  void publicKeysTakeOnlyAsciiHex() throws Exception {
    assertThat(Bytes.fromHex(PUBLIC_KEY, 33, "public key").length()).isEqualTo(33);
    for (String bad : new String[] {arabicIndic(PUBLIC_KEY), fullWidth(PUBLIC_KEY)}) {
      assertThat(bad).isNotEqualTo(PUBLIC_KEY);
      assertThatThrownBy(() -> Bytes.fromHex(bad, 33, "public key"))
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void addressesTakeOnlyAsciiBase58() throws Exception {
    String address =
        Address.fromPublicKey(TestTransactions.SENDER.publicKey(), RandomTransactions.NETWORK);
    assertThat(Address.isValid(address, RandomTransactions.NETWORK)).isTrue();
    String arabic = arabicIndic(address);
    String wide = fullWidth(address);
    assertThat(arabic).isNotEqualTo(address);
    assertThat(Address.isValid(arabic, RandomTransactions.NETWORK)).isFalse();
    assertThat(Address.isValid(wide, RandomTransactions.NETWORK)).isFalse();
  }

  @Test
  void blockIdsTakeOnlyAsciiDigits() {
    String legacy = "16936459878532358989";
    String full = "7dfc04c23439e98eb504454bb3c9e08da7f223e3d7c280ad677b40e521dda513";
    assertThat(BlockIds.hasShape(legacy, false)).isTrue();
    assertThat(BlockIds.hasShape(full, true)).isTrue();
    for (String bad : new String[] {arabicIndic(legacy), fullWidth(legacy), "+1234"}) {
      assertThat(BlockIds.hasShape(bad, false)).as(bad).isFalse();
      assertThatThrownBy(() -> BlockIds.parseLegacy(bad)).isInstanceOf(DecodeException.class);
    }
    assertThat(BlockIds.hasShape(arabicIndic(full), true)).isFalse();
    assertThatThrownBy(() -> BlockIds.toPreviousBlockField(fullWidth(full), true))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void transactionAmountsKeysAndIdsTakeOnlyAscii() throws Exception {
    ObjectNode json = TransactionJson.toJson(TestTransactions.transfer());
    assertThat(TransactionJson.parse(json, RandomTransactions.NETWORK))
        .isEqualTo(TestTransactions.transfer());
    String amount = json.get("amount").asText();
    String fee = json.get("fee").asText();
    assertRejected(j -> j.put("amount", arabicIndic(amount)));
    assertRejected(j -> j.put("amount", fullWidth(amount)));
    assertRejected(j -> j.put("amount", "+" + amount));
    assertRejected(j -> j.put("amount", " " + amount));
    assertRejected(j -> j.put("amount", amount + "\n"));
    assertRejected(j -> j.put("fee", arabicIndic(fee)));
    assertRejected(j -> j.put("nonce", arabicIndic(j.get("nonce").asText())));
    assertRejected(j -> j.put("senderPublicKey", arabicIndic(PUBLIC_KEY)));
    assertRejected(j -> j.put("senderPublicKey", fullWidth(PUBLIC_KEY)));
    assertRejected(j -> j.put("signature", arabicIndic(j.get("signature").asText())));
    assertRejected(j -> j.put("recipientId", fullWidth(j.get("recipientId").asText())));
  }

  @Test
  void blockJsonTakesOnlyAsciiDigits() throws Exception {
    Network network = TestNetworks.osm();
    BlockJson json = new BlockJson(new BlockCodec(network), network.pubKeyHash());
    Block block = TestChains.blocks(network, 3, 0, 1).get(1);
    ObjectNode good = BlockJson.toJson(block);
    assertThat(json.parse(good)).isEqualTo(block);
    String payloadHash = good.get("payloadHash").asText();
    String generator = good.get("generatorPublicKey").asText();
    for (Consumer<ObjectNode> change :
        java.util.List.<Consumer<ObjectNode>>of(
            j -> j.put("payloadHash", arabicIndic(payloadHash)),
            j -> j.put("payloadHash", fullWidth(payloadHash)),
            j -> j.put("generatorPublicKey", arabicIndic(generator)),
            j -> j.put("height", arabicIndic(Long.toString(block.height()))),
            j -> j.put("height", "+" + block.height()),
            j -> j.put("totalFee", fullWidth(good.get("totalFee").asText())))) {
      ObjectNode bad = good.deepCopy();
      change.accept(bad);
      assertThatThrownBy(() -> json.parse(bad))
          .as(bad.toString())
          .isInstanceOf(DecodeException.class);
    }
  }

  private static void assertRejected(Consumer<ObjectNode> change) {
    ObjectNode json = TransactionJson.toJson(TestTransactions.transfer());
    change.accept(json);
    assertThatThrownBy(() -> TransactionJson.parse(json, RandomTransactions.NETWORK))
        .as(json.toString())
        .isInstanceOf(DecodeException.class);
  }
}
