package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureVerifiersTest {
  @Test
  void bestIsNativeOnLinux() {
    assumeTrue(NativeVerifiers.supportedPlatform(), "the native library ships for Linux only");
    assertThat(SignatureVerifiers.best()).isInstanceOf(NativeSecp256k1Verifier.class);
    assertThat(SignatureVerifiers.bouncyCastle()).isInstanceOf(BouncyCastleVerifier.class);
  }

  @Test
  void fallsBackToBouncyCastleWhenTheLibraryCannotLoad() {
    assertThat(
            NativeLoader.tryLoad(
                () -> {
                  throw new UnsatisfiedLinkError("no libsecp256k1-jni in java.library.path");
                }))
        .isEmpty();
    assertThat(
            NativeLoader.tryLoad(
                () -> {
                  throw new IllegalStateException("unsupported platform");
                }))
        .isEmpty();
    assertThat(SignatureVerifiers.choose(Optional.empty()))
        .isInstanceOf(BouncyCastleVerifier.class);
    assertThat(SignatureVerifiers.choose(Optional.of(NativeVerifiers.require())))
        .isInstanceOf(NativeSecp256k1Verifier.class);
  }

  @Test
  void dispatchesByLengthAndNeverThrowsOnMissingInput() {
    PrivateKey key = PrivateKey.fromPassphrase("osmose vector 9");
    byte[] digest = Hashes.sha256(new byte[] {1, 2, 3});
    for (SignatureVerifier verifier :
        new SignatureVerifier[] {SignatureVerifiers.best(), SignatureVerifiers.bouncyCastle()}) {
      assertThat(verifier.verify(digest, Schnorr.sign(digest, key), key.publicKey())).isTrue();
      assertThat(verifier.verify(digest, Ecdsa.sign(digest, key), key.publicKey())).isTrue();
      assertThat(verifier.verify(digest, null, key.publicKey())).isFalse();
      assertThat(verifier.verify(null, Ecdsa.sign(digest, key), key.publicKey())).isFalse();
      assertThat(verifier.verify(null, Schnorr.sign(digest, key), key.publicKey())).isFalse();
      assertThat(verifier.verify(digest, Schnorr.sign(digest, key), null)).isFalse();
      assertThat(verifier.verify(digest, Ecdsa.sign(digest, key), null)).isFalse();
      assertThat(verifier.verifyEcdsa(digest, null, key.publicKey())).isFalse();
      assertThat(verifier.verifySchnorr(digest, null, key.publicKey())).isFalse();
    }
  }
}
