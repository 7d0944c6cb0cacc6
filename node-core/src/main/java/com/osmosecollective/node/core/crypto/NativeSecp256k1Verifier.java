package com.osmosecollective.node.core.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verification through libsecp256k1 (secp256k1-kmp JNI), about three times faster than Bouncy
 * Castle (see BENCHMARKS.md). ARK's acceptance rules run in Java first, so it accepts exactly what
 * {@link BouncyCastleVerifier} accepts (the differential tests hold both to that).
 *
 * <p>libsecp256k1 has no legacy Schnorr, so Schnorr uses its public-key recovery as a double scalar
 * multiplication: recovery computes Q = r⁻¹(s·R − z·G) for the point R with x = r and the given
 * parity. Taking R = P (the signer's key) with r = x(P), s = −e·x(P) and z = −s_sig·x(P) gives Q =
 * s_sig·G − e·P, the point the Schnorr rule checks (x(Q) = r, y(Q) a quadratic residue).
 */
public final class NativeSecp256k1Verifier implements SignatureVerifier {
  private static final byte[] P_BYTES = Secp256k1.toBytes32(Secp256k1.P);
  private static final byte[] N_BYTES = Secp256k1.toBytes32(Secp256k1.N);
  private static final byte[] NEEDS_FALLBACK = new byte[0];

  private final fr.acinq.secp256k1.Secp256k1 secp;
  private final SignatureVerifier fallback;

  private NativeSecp256k1Verifier(fr.acinq.secp256k1.Secp256k1 secp, SignatureVerifier fallback) {
    this.secp = secp;
    this.fallback = fallback;
  }

  /**
   * Loads the native library (extracting it from the jar on first use); empty when it cannot be
   * loaded on this platform.
   */
  public static Optional<NativeSecp256k1Verifier> load() {
    return NativeLibrary.INSTANCE.map(
        s -> new NativeSecp256k1Verifier(s, new BouncyCastleVerifier()));
  }

  @Override
  public boolean verifyEcdsa(byte[] digest32, byte[] derSignature, byte[] publicKey33) {
    if (digest32 == null || digest32.length != 32 || !hasKeyShape(publicKey33)) {
      return false;
    }
    BigInteger[] rs = DerSignature.decodeStrict(derSignature);
    if (rs == null) {
      return false;
    }
    byte[] compact = new byte[64];
    System.arraycopy(Secp256k1.toBytes32(rs[0]), 0, compact, 0, 32);
    System.arraycopy(Secp256k1.toBytes32(rs[1]), 0, compact, 32, 32);
    try {
      return secp.verify(compact, digest32, publicKey33);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      return false; // the key is not a point on the curve
    }
  }

  @Override
  public boolean verifySchnorr(byte[] digest32, byte[] signature64, byte[] publicKey33) {
    if (digest32 == null
        || digest32.length != 32
        || signature64 == null
        || signature64.length != 64
        || !hasKeyShape(publicKey33)) {
      return false;
    }
    if (!below(signature64, 0, P_BYTES) || !below(signature64, 32, N_BYTES)) {
      return false;
    }
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature64, 32, 64));
    BigInteger e = challenge(signature64, publicKey33, digest32);
    byte[] q = sumOfMultiplies(s, e, publicKey33);
    if (q == NEEDS_FALLBACK) {
      return fallback.verifySchnorr(digest32, signature64, publicKey33);
    }
    if (q == null) {
      return false;
    }
    return Arrays.equals(q, 1, 33, signature64, 0, 32)
        && QuadraticResidue.isQuadraticResidue(q, 33);
  }

  /**
   * s·G − e·P as a 65-byte uncompressed point; null when P is not a valid key or the result is
   * infinity; {@link #NEEDS_FALLBACK} for the cases recovery cannot express (e = 0, x(P) ≡ 0 mod
   * n), which no real signature reaches.
   */
  byte[] sumOfMultiplies(BigInteger s, BigInteger e, byte[] publicKey33) {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(publicKey33, 1, 33));
    if (x.compareTo(Secp256k1.P) >= 0) {
      return null;
    }
    int recoveryId = publicKey33[0] == 0x03 ? 1 : 0;
    BigInteger xModN = x;
    if (x.compareTo(Secp256k1.N) >= 0) {
      xModN = x.subtract(Secp256k1.N);
      recoveryId |= 2; // recovery lifts r + n
    }
    if (e.signum() == 0 || xModN.signum() == 0) {
      return NEEDS_FALLBACK;
    }
    BigInteger recoveryS = Secp256k1.N.subtract(e).multiply(xModN).mod(Secp256k1.N);
    BigInteger z = Secp256k1.N.subtract(s).multiply(xModN).mod(Secp256k1.N);
    byte[] compact = new byte[64];
    System.arraycopy(Secp256k1.toBytes32(xModN), 0, compact, 0, 32);
    System.arraycopy(Secp256k1.toBytes32(recoveryS), 0, compact, 32, 32);
    try {
      return secp.ecdsaRecover(compact, Secp256k1.toBytes32(z), recoveryId);
    } catch (Secp256k1Exception | IllegalArgumentException ex) {
      return null; // x(P) not on the curve, or s·G − e·P is the point at infinity
    }
  }

  static BigInteger challenge(byte[] signature64, byte[] publicKey33, byte[] digest32) {
    MessageDigest sha = Hashes.newSha256();
    sha.update(signature64, 0, 32);
    sha.update(publicKey33);
    sha.update(digest32);
    BigInteger e = new BigInteger(1, sha.digest());
    // below 2^256 < 2n: one subtraction reduces it, where mod(n) runs a long division
    return e.compareTo(Secp256k1.N) >= 0 ? e.subtract(Secp256k1.N) : e;
  }

  private static boolean hasKeyShape(byte[] key) {
    return key != null && key.length == 33 && (key[0] == 0x02 || key[0] == 0x03);
  }

  /** Unsigned comparison of the 32 bytes at {@code offset} with {@code limit}. */
  private static boolean below(byte[] data, int offset, byte[] limit) {
    return Arrays.compareUnsigned(data, offset, offset + 32, limit, 0, 32) < 0;
  }

  /** Loaded once per JVM: extraction and linking are slow and the outcome never changes. */
  private static final class NativeLibrary {
    static final Optional<fr.acinq.secp256k1.Secp256k1> INSTANCE = NativeLoader.tryLoad();
  }
}
