package com.osmosecollective.node.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The byte-array encoder against the textbook BigInteger definition, and round trips. */
class Base58EncodeTest {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private static String reference(byte[] data) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, data);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(base);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  @Property(tries = 500)
  void matchesTheBigIntegerDefinition(@ForAll @Size(max = 80) byte[] data) throws Exception {
    String encoded = Base58.encode(data);
    assertThat(encoded).isEqualTo(reference(data));
    assertThat(Base58.decode(encoded.isEmpty() ? "1" : encoded))
        .isEqualTo(encoded.isEmpty() ? new byte[1] : data);
  }

  /** The textbook decoding: the number in base 58, one zero byte per leading '1'. */
  private static byte[] referenceDecode(String text) {
    BigInteger value = BigInteger.ZERO;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (char c : text.toCharArray()) {
      value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(ALPHABET.indexOf(c)));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int strip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - strip];
    System.arraycopy(magnitude, strip, out, zeros, magnitude.length - strip);
    return out;
  }

  @Property(tries = 500)
  void decodingMatchesTheBigIntegerDefinition(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 120) int length, @ForAll long seed)
      throws Exception {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      // '1' often, so leading and inner zero digits are both common
      text.append(random.nextInt(4) == 0 ? '1' : ALPHABET.charAt(random.nextInt(58)));
    }
    assertThat(Base58.decode(text)).isEqualTo(referenceDecode(text.toString()));
  }

  @Test
  void leadingZerosAndEdgeValues() {
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThat(Base58.encode(new byte[] {(byte) 0xff, (byte) 0xff}))
        .isEqualTo(reference(new byte[] {(byte) 0xff, (byte) 0xff}));
    // Bitcoin's well-known example: "Hello World!" in Base58
    assertThat(Base58.encode("Hello World!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("2NEpo7TZRRrLZSi2U");
  }
}
