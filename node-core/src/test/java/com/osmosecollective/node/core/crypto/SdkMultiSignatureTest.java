package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §1.5 and §2.5 on ARK's Java SDK fixtures (java-crypto, transactions/v2-schnorr
 * multi-signature-registration.json and transfer-multiSign.json): the multi-signature wallet key,
 * and every participant and sender Schnorr signature, checked by both verifiers.
 */
class SdkMultiSignatureTest {
  private static final List<byte[]> KEYS =
      List.of(
          hex("0205d9bbe71c343ac9a6a83a4344fd404c3534fc7349827097d0835d160bc2b896"),
          hex("03df0a1eb42d99b5de395cead145ba1ec2ea837be308c7ce3a4e8018b7efc7fdb8"),
          hex("03860d76b1df09659ac282cea3da5bd84fc45729f348a4a8e5f802186be72dc17f"));
  private static final String WALLET_KEY =
      "03fb92a2c3efaa177d8a51fc0cdf41905098d8b2cd900cbac94617492827e5f015";
  private static final List<SignatureVerifier> VERIFIERS = NativeVerifiers.all();

  @Test
  void walletKeyOfTwoOfThree() throws DecodeException {
    assertThat(Hex.encode(MultiSignatureKeys.publicKey(2, KEYS))).isEqualTo(WALLET_KEY);
  }

  /** A transfer sent by the wallet: participants sign the bytes without any signature. */
  @Test
  void participantSignaturesOfTransfer() {
    byte[] serialized =
        hex(
            "ff0217010000000000010000000000000003fb92a2c3efaa177d8a51fc0cdf41905098d8b2cd900cbac9"
                + "4617492827e5f01580969800000000000000c2eb0b0000000000000000170995750207ecaf0ccf25"
                + "1c1265b92ad84f553662"
                + "00c01c44bf33bea20a74d5acc12c5d6aafe82240f3571121382b77c871f4b33d6da2b62fdc6ca2cc6b"
                + "c583abb2a69e7975be29e8d80a59c52bcff8d54514cf999e"
                + "01830a2e319f2070f3519bc22c2d449acdb7691bf9dd25e3649a72ac843e08ce26e0b87e30e65b73f8"
                + "53cf8e375dbc495cc75c6fd199bf4b15327bf8c5ec4bfac5"
                + "0292c299b739f0cb5e36133d85f51fff2fcc7745e8af4d0778908560c0874e3f2303e0436eabce1c09"
                + "d88efab0004e61c5d6e47768aa8d2ab0cb9f14d523a38308");
    int unsigned = serialized.length - 3 * 65;
    assertThat(Hex.encode(Hashes.sha256(serialized)))
        .isEqualTo("a7245dcc720d3e133035cff04b4a14dbc0f8ff889c703c89c99f2f03e8f3c59d");
    assertParticipants(serialized, unsigned, Hashes.sha256(serialized, 0, unsigned));
  }

  /**
   * The registration: participants sign the bytes without signatures; the sender then signs the
   * bytes that include the participants' signatures but not its own.
   */
  @Test
  void participantAndSenderSignaturesOfRegistration() {
    byte[] serialized =
        hex(
            "ff021701000000040001000000000000000205d9bbe71c343ac9a6a83a4344fd404c3534fc7349827097"
                + "d0835d160bc2b89600943577000000000002030205d9bbe71c343ac9a6a83a4344fd404c3534fc73"
                + "49827097d0835d160bc2b89603df0a1eb42d99b5de395cead145ba1ec2ea837be308c7ce3a4e8018"
                + "b7efc7fdb803860d76b1df09659ac282cea3da5bd84fc45729f348a4a8e5f802186be72dc17f"
                + "f5e9859c955bf8917b308ea21c88daf58661686c2017e476dcf735ad7f00aebf8e6effda3fe99e5f"
                + "33f6007db7db9c9155796d9b5d31c53bd6156364a6a765d0"
                + "0064900cb2cc3db6ca9c7e3bd363b322cdc4a39e051f655e9867935e1bb856b6dcce52845c031c69"
                + "0808f40340bc827bbaacd7b04bceff866cb0d386ab84715174"
                + "01dd363ccc101a958bded1a5db1c08f13283fc7cee53da93dfe00785eb406512467ff8e445f8ad84"
                + "3744ac4179f30f942645dfd5bdf5f2bfc344ad02393053880a"
                + "02d0012f035dc3fd54173c83d40217914653488fe9ce592dca34234163181d255281f2be7033725c"
                + "fc4a6786509e7fabbaf0be8cf50882fc7b66fe94f259fd004e");
    assertThat(Hex.encode(Hashes.sha256(serialized)))
        .isEqualTo("c868aad20165a336c35e324378f0c12008d18af4c1025291efcb7539c7c917f0");
    int signaturesStart = serialized.length - 3 * 65;
    int senderSignatureStart = signaturesStart - 64;
    assertParticipants(
        serialized, signaturesStart, Hashes.sha256(serialized, 0, senderSignatureStart));

    byte[] withoutSenderSignature = new byte[serialized.length - 64];
    System.arraycopy(serialized, 0, withoutSenderSignature, 0, senderSignatureStart);
    System.arraycopy(
        serialized,
        signaturesStart,
        withoutSenderSignature,
        senderSignatureStart,
        serialized.length - signaturesStart);
    byte[] senderDigest = Hashes.sha256(withoutSenderSignature);
    byte[] senderSignature = Arrays.copyOfRange(serialized, senderSignatureStart, signaturesStart);
    for (SignatureVerifier verifier : VERIFIERS) {
      assertThat(verifier.verifySchnorr(senderDigest, senderSignature, KEYS.get(0))).isTrue();
      assertThat(verifier.verifySchnorr(senderDigest, senderSignature, KEYS.get(1))).isFalse();
      assertThat(
              verifier.verifySchnorr(
                  Hashes.sha256(serialized, 0, senderSignatureStart), senderSignature, KEYS.get(0)))
          .isFalse();
    }
  }

  private static void assertParticipants(byte[] serialized, int signaturesStart, byte[] digest) {
    for (int i = 0; i < 3; i++) {
      int at = signaturesStart + 65 * i;
      int index = serialized[at];
      assertThat(index).isEqualTo(i);
      byte[] signature = Arrays.copyOfRange(serialized, at + 1, at + 65);
      for (SignatureVerifier verifier : VERIFIERS) {
        String name = verifier.getClass().getSimpleName() + " participant " + i;
        assertThat(verifier.verifySchnorr(digest, signature, KEYS.get(index))).as(name).isTrue();
        assertThat(verifier.verifySchnorr(digest, signature, KEYS.get((index + 1) % 3)))
            .as(name)
            .isFalse();
      }
    }
  }

  private static byte[] hex(String s) {
    return Hex.decodeOrThrow(s);
  }
}
