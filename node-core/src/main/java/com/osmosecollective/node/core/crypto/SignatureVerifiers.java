package com.osmosecollective.node.core.crypto;

import java.util.Optional;

/** Chooses a {@link SignatureVerifier}. */
public final class SignatureVerifiers {
  private SignatureVerifiers() {}

  /**
   * libsecp256k1 when it loads on this platform, otherwise Bouncy Castle (logged once). Both accept
   * exactly the same signatures; only the speed differs.
   */
  public static SignatureVerifier best() {
    return choose(NativeSecp256k1Verifier.load());
  }

  static SignatureVerifier choose(Optional<NativeSecp256k1Verifier> nativeVerifier) {
    return nativeVerifier.<SignatureVerifier>map(v -> v).orElseGet(BouncyCastleVerifier::new);
  }

  public static SignatureVerifier bouncyCastle() {
    return new BouncyCastleVerifier();
  }
}
