package com.osmosecollective.node.core.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verifiers tests run against. The project depends on secp256k1-kmp's Linux artifact only, so
 * on Linux x86_64/aarch64 the native verifier must load (a failure there is a bug); elsewhere the
 * tests use Bouncy Castle alone, and the native-only tests skip.
 */
final class NativeVerifiers {
  private static final Optional<NativeSecp256k1Verifier> LOADED = load();

  private NativeVerifiers() {}

  /** Bouncy Castle, plus the native verifier where it exists. */
  static List<SignatureVerifier> all() {
    return LOADED.isPresent()
        ? List.of(new BouncyCastleVerifier(), LOADED.get())
        : List.of(new BouncyCastleVerifier());
  }

  /** The native verifier; skips the calling test on platforms without the library. */
  static NativeSecp256k1Verifier require() {
    assumeTrue(
        LOADED.isPresent(),
        "no libsecp256k1 JNI build for " + System.getProperty("os.name") + " on the classpath");
    return LOADED.get();
  }

  static boolean supportedPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return os.contains("linux")
        && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
  }

  private static Optional<NativeSecp256k1Verifier> load() {
    Optional<NativeSecp256k1Verifier> loaded = NativeSecp256k1Verifier.load();
    if (loaded.isEmpty() && supportedPlatform()) {
      throw new AssertionError("libsecp256k1 JNI failed to load on a supported platform");
    }
    return loaded;
  }
}
