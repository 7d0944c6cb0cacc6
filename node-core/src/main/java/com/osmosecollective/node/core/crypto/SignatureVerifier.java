package com.osmosecollective.node.core.crypto;

/**
 * Verifies the two signature schemes of the protocol over a 32-byte digest. Implementations never
 * throw on malformed input: anything that is not a valid signature is simply {@code false}.
 */
public interface SignatureVerifier {

  /** Strict DER, low-S ECDSA (spec §2.1). */
  boolean verifyEcdsa(byte[] digest32, byte[] derSignature, byte[] publicKey33);

  /** ARK's pre-BIP340 Schnorr (spec §2.2). */
  boolean verifySchnorr(byte[] digest32, byte[] signature64, byte[] publicKey33);

  /** Picks the scheme by length as ARK does: exactly 64 bytes is Schnorr, anything else ECDSA. */
  default boolean verify(byte[] digest32, byte[] signature, byte[] publicKey33) {
    if (signature == null) {
      return false;
    }
    return signature.length == 64
        ? verifySchnorr(digest32, signature, publicKey33)
        : verifyEcdsa(digest32, signature, publicKey33);
  }
}
