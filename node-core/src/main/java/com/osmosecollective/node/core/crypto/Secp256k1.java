package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The secp256k1 curve, using Bouncy Castle's custom implementation (fast field arithmetic, GLV
 * endomorphism) rather than the generic one.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  public static final ECCurve CURVE = PARAMS.getCurve();
  public static final ECPoint G = PARAMS.getG();
  public static final BigInteger N = PARAMS.getN();
  public static final BigInteger HALF_N = N.shiftRight(1);
  public static final BigInteger P = CURVE.getField().getCharacteristic();
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE, G, N, PARAMS.getH());

  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();
  private static final int KEY_CACHE_LIMIT = 100_000;
  private static final ConcurrentHashMap<PublicKeyBytes, ECPoint> KEY_CACHE =
      new ConcurrentHashMap<>();

  private Secp256k1() {}

  /** k·G using the precomputed comb for the generator. */
  public static ECPoint multiplyG(BigInteger k) {
    return BASE_MULTIPLIER.multiply(G, k).normalize();
  }

  /** Compressed SEC1 encoding (33 bytes). */
  public static byte[] compress(ECPoint point) {
    return point.getEncoded(true);
  }

  /**
   * Decodes a 33-byte compressed public key. Decoded points are cached because the same delegates
   * and wallets sign again and again, and decompression costs a square root.
   */
  public static ECPoint decodePublicKey(byte[] compressed) throws DecodeException {
    if (compressed == null || compressed.length != 33) {
      throw new DecodeException("public key must be 33 bytes (compressed)");
    }
    if (compressed[0] != 0x02 && compressed[0] != 0x03) {
      throw new DecodeException("public key must start with 02 or 03");
    }
    PublicKeyBytes key = new PublicKeyBytes(compressed);
    ECPoint cached = KEY_CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    ECPoint point;
    try {
      point = CURVE.decodePoint(compressed).normalize();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new DecodeException("public key is not a point on secp256k1");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new DecodeException("public key is not a point on secp256k1");
    }
    if (KEY_CACHE.size() >= KEY_CACHE_LIMIT) {
      KEY_CACHE.clear();
    }
    // the key must own its bytes: a caller reusing its array must not corrupt the cache
    KEY_CACHE.put(new PublicKeyBytes(compressed.clone()), point);
    return point;
  }

  public static boolean isValidPublicKey(byte[] compressed) {
    try {
      decodePublicKey(compressed);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  /** 32-byte big-endian encoding of a value below 2^256. */
  public static byte[] toBytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    if (raw.length > 32) {
      System.arraycopy(raw, raw.length - 32, out, 0, 32);
    } else {
      System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
    }
    return out;
  }

  /** Hash-map key for byte arrays. */
  // equals and hashCode compare the contents
  @SuppressWarnings("ArrayRecordComponent")
  private record PublicKeyBytes(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PublicKeyBytes other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }
}
