package com.osmosecollective.node.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** The hash functions of the protocol. */
public final class Hashes {
  private Hashes() {}

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  public static byte[] sha256(byte[] data) {
    return newSha256().digest(data);
  }

  public static byte[] sha256(byte[] data, int offset, int length) {
    MessageDigest digest = newSha256();
    digest.update(data, offset, length);
    return digest.digest();
  }

  /** sha256(sha256(x)), Base58Check's checksum hash. */
  public static byte[] hash256(byte[] data) {
    return sha256(sha256(data));
  }

  public static byte[] ripemd160(byte[] data) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[20];
    digest.doFinal(out, 0);
    return out;
  }

  /** ripemd160(sha256(x)), Bitcoin's key hash (BIP38 only; ARK addresses hash the key directly). */
  public static byte[] hash160(byte[] data) {
    return ripemd160(sha256(data));
  }
}
