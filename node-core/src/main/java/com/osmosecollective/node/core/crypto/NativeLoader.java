package com.osmosecollective.node.core.crypto;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads libsecp256k1 through secp256k1-kmp, logging one line if it is unavailable. */
final class NativeLoader {
  private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);

  private NativeLoader() {}

  static Optional<fr.acinq.secp256k1.Secp256k1> tryLoad() {
    return tryLoad(fr.acinq.secp256k1.Secp256k1::get);
  }

  static Optional<fr.acinq.secp256k1.Secp256k1> tryLoad(
      Supplier<fr.acinq.secp256k1.Secp256k1> library) {
    try {
      fr.acinq.secp256k1.Secp256k1 secp = library.get();
      // a first call proves the library is linked, not just that the class was found
      secp.pubkeyCreate(Secp256k1.toBytes32(java.math.BigInteger.ONE));
      return Optional.of(secp);
    } catch (Exception | LinkageError e) {
      LOG.warn(
          "native libsecp256k1 unavailable ({}), verifying signatures with Bouncy Castle",
          e.toString());
      return Optional.empty();
    }
  }
}
