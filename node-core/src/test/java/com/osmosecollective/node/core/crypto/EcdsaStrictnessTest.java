package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARK's strict-DER and low-S acceptance rules (spec §2.1) and the block examples of §8.6/§8.7. */
class EcdsaStrictnessTest {
  static final List<SignatureVerifier> VERIFIERS = NativeVerifiers.all();

  // crypto.json, signer 1, "osmose vector message": R has a 0x00 pad (33 bytes)
  static final byte[] PUB =
      hex("03d6b22ace140a90734175034f2c86eb2aa456c9b80687361d9edbc28a19fc8d5e");
  static final byte[] DIGEST =
      hex("70ceb530fb8b4b33218efc4e9766b29daed49c3a5c0ed82a89b3ce857a1fe3ff");
  static final String R_PADDED =
      "00a7eb1b17f1ebdc91aa93994dcffb3841598d7283dfdd7a1e8926d2a858013388";
  static final String S = "19bc78ade5c7f9d6ea8a00a7d05f559276585479db5683339484a4e8bbd4c937";
  static final byte[] VALID = der(R_PADDED, S);

  // signer 1, empty message: R is 32 bytes starting below 0x80
  static final byte[] DIGEST_EMPTY =
      hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  static final String R_SHORT = "4e360d387e133b6065a87a25b596c2ca62348d8ce2a67e0d78100489d6aa7927";
  static final String S_SHORT = "1f29877502edf03b4876f3130f74db9fac3ddf9719017d0c89ba38ed64a76310";

  @Test
  void acceptsTheVectorsAsBuiltHere() {
    assertThat(Hex.encode(VALID))
        .isEqualTo(
            "3045022100a7eb1b17f1ebdc91aa93994dcffb3841598d7283dfdd7a1e8926d2a858013388022019bc78ade5c7f9d6ea8a00a7d05f559276585479db5683339484a4e8bbd4c937");
    assertAll(DIGEST, VALID, PUB, true);
    assertAll(DIGEST_EMPTY, der(R_SHORT, S_SHORT), PUB, true);
  }

  @Test
  void rejectsHighS() {
    BigInteger s = new BigInteger(S, 16);
    String highS = Secp256k1.N.subtract(s).toString(16);
    byte[] sig = der(R_PADDED, "00" + highS); // n - s has its top bit set: needs the pad
    // the mathematically valid (r, n-s) must still be refused: ARK requires low-S
    assertThat(DerSignature.decodeStrict(sig)).isNull();
    assertAll(DIGEST, sig, PUB, false);
  }

  @Test
  void rejectsTrailingByte() {
    byte[] sig = Arrays.copyOf(VALID, VALID.length + 1);
    sig[1] = (byte) (sig[1] + 1); // "3046…00": outer length covers the extra byte
    assertAll(DIGEST, sig, PUB, false);
    byte[] unlisted = Arrays.copyOf(VALID, VALID.length + 1); // outer length not updated
    assertAll(DIGEST, unlisted, PUB, false);
  }

  @Test
  void rejectsNegativeR() {
    assertAll(DIGEST, der(R_PADDED.substring(2), S), PUB, false);
  }

  @Test
  void rejectsPaddedRAndS() {
    assertAll(DIGEST_EMPTY, der("00" + R_SHORT, S_SHORT), PUB, false);
    assertAll(DIGEST_EMPTY, der(R_SHORT, "00" + S_SHORT), PUB, false);
  }

  @Test
  void rejectsLongFormLengths() {
    byte[] body = Arrays.copyOfRange(VALID, 2, VALID.length);
    byte[] longOuter = concat(hex("3081"), new byte[] {VALID[1]}, body);
    assertAll(DIGEST, longOuter, PUB, false);
    byte[] longR = hex("304602812100" + R_PADDED.substring(2) + "0220" + S);
    assertAll(DIGEST, longR, PUB, false);
  }

  @Test
  void rejectsZeroAndOutOfRangeValues() {
    assertAll(DIGEST, der("00", S), PUB, false);
    assertAll(DIGEST, der(R_PADDED, "00"), PUB, false);
    String n = "00" + Secp256k1.N.toString(16);
    assertAll(DIGEST, der(n, S), PUB, false);
  }

  @Test
  void rejectsWrongTagsTruncationAndGarbage() {
    byte[] badTag = VALID.clone();
    badTag[0] = 0x31;
    assertAll(DIGEST, badTag, PUB, false);
    byte[] badIntTag = VALID.clone();
    badIntTag[2] = 0x03;
    assertAll(DIGEST, badIntTag, PUB, false);
    for (int len = 0; len < VALID.length; len++) {
      assertAll(DIGEST, Arrays.copyOf(VALID, len), PUB, false);
    }
    assertAll(DIGEST, new byte[80], PUB, false);
  }

  @Test
  void rejectsWrongDigestAndBadKeys() {
    byte[] digest = DIGEST.clone();
    digest[31] ^= 1;
    assertAll(digest, VALID, PUB, false);
    assertAll(Arrays.copyOf(DIGEST, 31), VALID, PUB, false);
    assertAll(DIGEST, VALID, Arrays.copyOf(PUB, 32), false);
    byte[] notOnCurve = PUB.clone();
    notOnCurve[0] = 0x04;
    assertAll(DIGEST, VALID, notOnCurve, false);
    assertAll(DIGEST, VALID, new byte[33], false);
  }

  /** Spec §8.6: devnet block 1760000, signature over sha256 of the first 117 header bytes. */
  @Test
  void verifiesLegacyBlockSignature() {
    byte[] header =
        hex(
            "00000000006fb50300db1a002b324b8b33a8580207000000"
                + "0049d97102000000801d2c040000000000c2eb0b00000000e0000000"
                + "de56269cae3ab156f6979b94a04c30b82ed7d6f9a97d162583c98215c18c65db"
                + "03287bfebba4c7881a0509717e71b34b63f31e40021c321f89ae04f84be6d6ac37");
    assertThat(header).hasSize(117);
    byte[] signature =
        hex(
            "30450221008c59bd2379061ad3539b73284fc0bbb57dbc97efd54f55010ba3f198c04dde7402202e482126b3084c6313c1378d686df92a3e2ef5581323de11e74fe07eeab339f3");
    byte[] key = Arrays.copyOfRange(header, 84, 117);
    assertAll(Hashes.sha256(header), signature, key, true);
  }

  /** Spec §8.7: devnet block 5470549; the same signature with S replaced by n − S must fail. */
  @Test
  void verifiesBlockSignatureAndRejectsItsHighSTwin() {
    byte[] header =
        hex(
            "00000000" // version
                + "b8051506" // timestamp
                + "55795300" // height
                + "2d270cae7e2bd9da27f6160b521859820f2c90315672e1774733bdd6415abb86"
                + "00000000" // numberOfTransactions
                + "0000000000000000" // totalAmount
                + "0000000000000000" // totalFee
                + "00c2eb0b00000000" // reward
                + "00000000" // payloadLength
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                + "026a423b3323de175dd82788c7eab57850c6a37ea6a470308ebadd7007baf8ceb3");
    assertThat(header).hasSize(141);
    String r = "00c92d7d0c3ea2ba72576f6494a81fc498d0420286896f806a7ead443d0b5d8972";
    String s = "501610f0d5498d028fd27676ea2597a5cb80cf5896e77fe2fa61623d31ff290c";
    byte[] key = Arrays.copyOfRange(header, 108, 141);
    byte[] digest = Hashes.sha256(header);
    assertAll(digest, der(r, s), key, true);

    String highS = "00" + Secp256k1.N.subtract(new BigInteger(s, 16)).toString(16);
    assertThat(highS).startsWith("00afe9ef0f").endsWith("1835");
    assertAll(digest, der(r, highS), key, false);
  }

  static void assertAll(byte[] digest, byte[] sig, byte[] key, boolean expected) {
    for (SignatureVerifier verifier : VERIFIERS) {
      assertThat(verifier.verifyEcdsa(digest, sig, key))
          .as("%s on %s", verifier.getClass().getSimpleName(), Hex.encode(sig))
          .isEqualTo(expected);
    }
    assertThat(Ecdsa.verify(digest, sig, key)).isEqualTo(expected);
  }

  static byte[] der(String rHex, String sHex) {
    byte[] r = hex(rHex);
    byte[] s = hex(sHex);
    byte[] out = new byte[6 + r.length + s.length];
    out[0] = 0x30;
    out[1] = (byte) (4 + r.length + s.length);
    out[2] = 0x02;
    out[3] = (byte) r.length;
    System.arraycopy(r, 0, out, 4, r.length);
    out[4 + r.length] = 0x02;
    out[5 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, out, 6 + r.length, s.length);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static byte[] hex(String s) {
    return Hex.decodeOrThrow(s);
  }
}
