package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import org.junit.jupiter.api.Test;

/** The [verified] examples of spec §1.4, §1.7 and §8 (ARK's Java SDK fixtures). */
class SpecExamplesTest {
  private static final String PASSPHRASE = "this is a top secret passphrase";
  private static final PrivateKey KEY = PrivateKey.fromPassphrase(PASSPHRASE);

  @Test
  void sdkIdentity() {
    assertThat(Hex.encode(KEY.toBytes()))
        .isEqualTo("d8839c2432bfd0a67ef10a804ba991eabba19f154a3d707917681d45822a5712");
    assertThat(Hex.encode(KEY.publicKey()))
        .isEqualTo("034151a3ec46b5670a682b0a63394f863587d1bc97483b1b6c70eb58e7f0aed192");
    assertThat(Address.fromPublicKey(KEY.publicKey(), 30))
        .isEqualTo("D61mfSggzbvQgTUe6JhYKH2doHaqJ3Dyib");
    assertThat(Address.fromPublicKey(KEY.publicKey(), 23))
        .isEqualTo("AGeYmgbg2LgGxRW2vNNJvQ88PknEJsYizC");
  }

  @Test
  void wifWithNetworkByte170() throws DecodeException {
    String wif = "SGq4xLgZKCGxs7bjmwnBrWcT4C1ADFEermj846KC97FSv1WFD1dA";
    assertThat(Wif.encode(KEY, 170)).isEqualTo(wif);
    assertThat(Wif.decode(wif, 170).toBytes()).isEqualTo(KEY.toBytes());
  }

  @Test
  void messageSignature() {
    String expected =
        "304402200fb4adddd1f1d652b544ea6ab62828a0a65b712ed447e2538db0caebfa68929e02205ecb2e1c63b29879c2ecf1255db506d671c8b3fa6017f67cfd1bf07e6edd1cc8";
    MessageSigning.SignedMessage signed = MessageSigning.sign("Hello World", KEY);

    assertThat(Hex.encode(signed.signature())).isEqualTo(expected);
    assertThat(signed.publicKey()).isEqualTo(KEY.publicKey());
    assertThat(MessageSigning.verify(signed)).isTrue();
    assertThat(MessageSigning.verify(signed, new BouncyCastleVerifier())).isTrue();
  }

  /** §8.3 and §8.4: ARK's deterministic Schnorr signatures of two v2 transactions. */
  @Test
  void schnorrTransactionSignatures() {
    assertSchnorr(
        "0e7b8b410e843361fba052788a6f514c620e3f91ae397425c25a3736208d6980",
        "136c29d921b58ae3194020b82e9808f9cd54f7178cb34678f570f28226b8e56ba0ad318297a3bacbb37ab22ddaa5dbf1901cda3ec2d2bca5ce98d6407839ab9b");
    assertSchnorr(
        "9462433872afd92d93946bcb58a99774633504dcda4cdde7354dfa476fb797d8",
        "86007f8e6a982bc271ec063c20f158734f0bc1e23e0e1abf9edeaa208b4810fa1d466171bba79a5c00b0a4c698728f68aa0748d98613cac247c014ee84a6fc41");
  }

  /** §8.1: the v1 transfer's ECDSA signature over its legacy-bytes digest. */
  @Test
  void ecdsaTransactionSignature() {
    byte[] digest =
        Hex.decodeOrThrow("7b5ab4ae4ccc1b6b7dddeba3841173cb3affe7e5df331ad166ac11ace98d7018");
    String expected =
        "3044022002994b30e08b58825c8c16ebf2cc693cfe706fb26571674784ead098accc89d702205b79dedc752a84504ecfe4b9e1292997f22260ee4daa102d2d9a61432d93b286";
    assertThat(Hex.encode(Ecdsa.sign(digest, KEY))).isEqualTo(expected);
    assertThat(Ecdsa.verify(digest, Hex.decodeOrThrow(expected), KEY.publicKey())).isTrue();
  }

  private static void assertSchnorr(String digestHex, String signatureHex) {
    byte[] digest = Hex.decodeOrThrow(digestHex);
    assertThat(Hex.encode(Schnorr.sign(digest, KEY))).isEqualTo(signatureHex);
    assertThat(Schnorr.verify(digest, Hex.decodeOrThrow(signatureHex), KEY.publicKey())).isTrue();
  }
}
