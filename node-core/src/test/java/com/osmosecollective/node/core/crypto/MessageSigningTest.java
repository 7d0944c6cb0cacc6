package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.MessageSigning.SignedMessage;
import org.junit.jupiter.api.Test;

class MessageSigningTest {
  private static final PrivateKey KEY = PrivateKey.fromPassphrase("osmose vector 1");

  @Test
  void signsUtf8WithoutPrefixAndVerifies() {
    SignedMessage signed = MessageSigning.sign("héllo ✓", KEY);
    byte[] digest = Hashes.sha256("héllo ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(Ecdsa.verify(digest, signed.signature(), KEY.publicKey())).isTrue();
    assertThat(MessageSigning.verify(signed)).isTrue();
  }

  @Test
  void rejectsAlteredMessageKeyOrSignature() {
    SignedMessage signed = MessageSigning.sign("pay 10 OSM", KEY);
    byte[] otherKey = PrivateKey.fromPassphrase("osmose vector 2").publicKey();
    byte[] flipped = signed.signature();
    flipped[10] ^= 1;

    assertThat(
            MessageSigning.verify(
                new SignedMessage(signed.publicKey(), signed.signature(), "pay 11 OSM")))
        .isFalse();
    assertThat(MessageSigning.verify(new SignedMessage(otherKey, signed.signature(), "pay 10 OSM")))
        .isFalse();
    assertThat(MessageSigning.verify(new SignedMessage(signed.publicKey(), flipped, "pay 10 OSM")))
        .isFalse();
    assertThat(MessageSigning.verify(new SignedMessage(new byte[3], new byte[0], "pay 10 OSM")))
        .isFalse();
  }

  @Test
  void isAValueWithDefensiveCopies() {
    SignedMessage signed = MessageSigning.sign("x", KEY);
    SignedMessage same = new SignedMessage(signed.publicKey(), signed.signature(), "x");
    assertThat(same).isEqualTo(signed).hasSameHashCodeAs(signed);
    signed.signature()[0] ^= 1;
    assertThat(MessageSigning.verify(signed)).isTrue();
  }
}
