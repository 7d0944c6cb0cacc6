package com.osmosecollective.node.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Base58Test {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  @Example
  void knownEncodings() {
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
    assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThat(Base58.encode(new byte[] {57})).isEqualTo("z");
    assertThat(Base58.encode(new byte[] {58})).isEqualTo("21");
    assertThat(Base58.encode("hello world".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("StV1DL6CwTryKyV");
  }

  /** The textbook definition: repeated division of the number, one '1' per leading zero byte. */
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
  void matchesTheDefinitionAndRoundTrips(
      @ForAll @Size(max = 80) byte[] data, @ForAll @IntRange(max = 3) int zeros)
      throws DecodeException {
    byte[] input = new byte[zeros + data.length];
    System.arraycopy(data, 0, input, zeros, data.length);
    String text = Base58.encode(input);
    assertThat(text).isEqualTo(reference(input));
    if (!text.isEmpty()) {
      assertThat(Base58.decode(text)).isEqualTo(input);
    }
  }
}
