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
