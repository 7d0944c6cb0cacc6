package com.osmosecollective.node.core.crypto;

/** Pure-Java verification on Bouncy Castle's secp256k1. */
public final class BouncyCastleVerifier implements SignatureVerifier {
  @Override
  public boolean verifyEcdsa(byte[] digest32, byte[] derSignature, byte[] publicKey33) {
    return Ecdsa.verify(digest32, derSignature, publicKey33);
  }

  @Override
  public boolean verifySchnorr(byte[] digest32, byte[] signature64, byte[] publicKey33) {
    return Schnorr.verify(digest32, signature64, publicKey33);
  }
}
