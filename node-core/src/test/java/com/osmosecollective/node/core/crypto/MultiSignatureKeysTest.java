package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiSignatureKeysTest {
  private static final List<byte[]> KEYS =
      List.of(
          PrivateKey.fromPassphrase("osmose vector 3").publicKey(),
          PrivateKey.fromPassphrase("osmose vector 4").publicKey(),
          PrivateKey.fromPassphrase("osmose vector 5").publicKey());

  @Test
  void minKeyIsTheKeyOfTwoDigitLowercaseHex() {
    assertThat(MultiSignatureKeys.minKey(2)).isEqualTo(PrivateKey.fromPassphrase("02").publicKey());
    assertThat(MultiSignatureKeys.minKey(16))
        .isEqualTo(PrivateKey.fromPassphrase("10").publicKey());
    assertThat(MultiSignatureKeys.minKey(11))
        .isEqualTo(PrivateKey.fromPassphrase("0b").publicKey());
  }

  @Test
  void orderOfParticipantsDoesNotMatter() throws DecodeException {
    List<byte[]> reversed = new ArrayList<>(KEYS);
    Collections.reverse(reversed);
    assertThat(MultiSignatureKeys.publicKey(2, reversed))
        .isEqualTo(MultiSignatureKeys.publicKey(2, KEYS));
    assertThat(MultiSignatureKeys.publicKey(3, KEYS))
        .isNotEqualTo(MultiSignatureKeys.publicKey(2, KEYS));
  }

  /**
   * Jsdk fixture quoted in spec §1.5 (keys elided there) is covered by crypto.json; here bounds.
   */
  @Test
  void rejectsBadMinAndBadKeys() {
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(0, KEYS))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(4, KEYS))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(1, List.of()))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(1, List.of(new byte[33])))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(1, Collections.nCopies(17, KEYS.get(0))))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void keysThatCancelOutAreRejected() throws DecodeException {
    // min key for 1 is key("01"); adding its negation gives the point at infinity
    byte[] minKey = MultiSignatureKeys.minKey(1);
    byte[] negated = minKey.clone();
    negated[0] = (byte) (negated[0] == 2 ? 3 : 2);
    assertThat(Hex.encode(negated)).isNotEqualTo(Hex.encode(minKey));
    assertThatThrownBy(() -> MultiSignatureKeys.publicKey(1, List.of(negated)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("infinity");
  }
}
