package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Key and address decoders fail only with DecodeException, whatever the text. */
class DecoderRobustnessTest {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl+/ é\u0000";

  @Test
  void randomTextNeverEscapesAsAnotherException() {
    Random random = new Random(7);
    List<String> inputs = new ArrayList<>();
    inputs.add(null);
    inputs.add("");
    inputs.add("1".repeat(5000));
    for (int i = 0; i < 2000; i++) {
      int length = random.nextInt(80);
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < length; j++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      inputs.add(text.toString());
    }
    int attempts = 0;
    int rejected = 0;
    for (String input : inputs) {
      attempts += 3;
      rejected += rejects(() -> Address.decode(input, 115));
      rejected += rejects(() -> Wif.decode(input, 44));
      rejected += rejects(() -> Bip38.decrypt(input, "password"));
    }
    assertThat(rejected).as("random text is never a valid key or address").isEqualTo(attempts);

    // valid checksums around the accepted lengths reach the checks after Base58; a few of
    // them are well-formed, the rest must fail with DecodeException only
    List<String> checksummed = new ArrayList<>();
    for (int size = 0; size < 45; size++) {
      byte[] payload = new byte[size];
      random.nextBytes(payload);
      if (size > 0) {
        payload[0] = (byte) (random.nextBoolean() ? 0x73 : 0x01);
      }
      if (size > 1 && random.nextBoolean()) {
        payload[1] = 0x43;
      }
      if (size != Bip38.PAYLOAD_LENGTH) { // 39 bytes would run a full scrypt
        checksummed.add(Base58.encodeCheck(payload));
      }
    }
    for (String input : checksummed) {
      rejects(() -> Address.decode(input, 115));
      rejects(() -> Wif.decode(input, 44));
      rejects(() -> Bip38.decrypt(input, "password"));
    }
  }

  private interface Decoder {
    void run() throws DecodeException;
  }

  private static int rejects(Decoder decoder) {
    try {
      decoder.run();
      return 0;
    } catch (DecodeException expected) {
      return 1;
    }
  }
}
