package com.osmosecollective.node.core.crypto;

/** The native verifier for tests; on this project's platform (linux x86_64) it must load. */
final class NativeVerifiers {
  private NativeVerifiers() {}

  static NativeSecp256k1Verifier require() {
    return NativeSecp256k1Verifier.load()
        .orElseThrow(() -> new AssertionError("libsecp256k1 JNI failed to load on this platform"));
  }
}
