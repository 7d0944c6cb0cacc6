package com.osmosecollective.node.core.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A secp256k1 private key with its compressed public key. */
public final class PrivateKey {
  private final BigInteger scalar;
  private final byte[] publicKey;

  private PrivateKey(BigInteger scalar) {
    if (scalar.signum() <= 0 || scalar.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("private key out of range");
    }
    this.scalar = scalar;
    this.publicKey = Secp256k1.compress(Secp256k1.multiplyG(scalar));
  }

  /** ARK's rule: the private key is sha256 of the passphrase's UTF-8 bytes, nothing more. */
  public static PrivateKey fromPassphrase(String passphrase) {
    return fromBytes(Hashes.sha256(passphrase.getBytes(StandardCharsets.UTF_8)));
  }

  public static PrivateKey fromBytes(byte[] bytes32) {
    if (bytes32.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes");
    }
    return new PrivateKey(new BigInteger(1, bytes32));
  }

  public BigInteger scalar() {
    return scalar;
  }

  public byte[] toBytes() {
    return Secp256k1.toBytes32(scalar);
  }

  /** Compressed public key, 33 bytes (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "PrivateKey[publicKey="
        + com.osmosecollective.node.core.encoding.Hex.encode(publicKey)
        + "]";
  }
}
