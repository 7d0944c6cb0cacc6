package com.osmosecollective.node.core.crypto;

/** Chooses a {@link SignatureVerifier}. */
public final class SignatureVerifiers {
  private SignatureVerifiers() {}

  /**
   * libsecp256k1 when it loads on this platform, otherwise Bouncy Castle (logged once). Both accept
   * exactly the same signatures; only the speed differs.
   */
  public static SignatureVerifier best() {
    return NativeSecp256k1Verifier.load()
        .<SignatureVerifier>map(v -> v)
        .orElseGet(BouncyCastleVerifier::new);
  }

  public static SignatureVerifier bouncyCastle() {
    return new BouncyCastleVerifier();
  }
}
