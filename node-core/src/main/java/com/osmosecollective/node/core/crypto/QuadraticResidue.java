package com.osmosecollective.node.core.crypto;

import java.math.BigInteger;

/**
 * Whether a field element is a quadratic residue modulo secp256k1's p, as ARK's Schnorr needs for
 * y(R). A binary Jacobi-symbol algorithm on four 64-bit limbs: about 4 µs, where y^((p−1)/2) with
 * {@link BigInteger#modPow} costs about 25 µs, a third of a native verification. Not constant time;
 * it only ever sees public values.
 */
final class QuadraticResidue {
  private static final long[] P = limbs(Secp256k1.P);

  private QuadraticResidue() {}

  /** True iff 0 < y < p and y is a square mod p (Jacobi symbol 1). */
  static boolean isQuadraticResidue(BigInteger y) {
    if (y.signum() <= 0 || y.compareTo(Secp256k1.P) >= 0) {
      return false;
    }
    return jacobi(limbs(y)) == 1;
  }

  /** Same for a 32-byte big-endian value at {@code offset}. */
  static boolean isQuadraticResidue(byte[] bytes, int offset) {
    long[] y = new long[4];
    for (int limb = 0; limb < 4; limb++) {
      long v = 0;
      int start = offset + 24 - 8 * limb;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (bytes[start + i] & 0xff);
      }
      y[limb] = v;
    }
    if ((y[0] | y[1] | y[2] | y[3]) == 0 || !lessThan(y, P)) {
      return false;
    }
    return jacobi(y) == 1;
  }

  private static boolean lessThan(long[] a, long[] b) {
    for (int i = 3; i >= 0; i--) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]) < 0;
      }
    }
    return false;
  }

  /** Jacobi symbol (a | p) for 0 ≤ a < p, little-endian limbs; a is consumed. */
  private static int jacobi(long[] in) {
    long a0 = in[0], a1 = in[1], a2 = in[2], a3 = in[3];
    long n0 = P[0], n1 = P[1], n2 = P[2], n3 = P[3];
    boolean negative = false;
    while ((a0 | a1 | a2 | a3) != 0) {
      if (a0 == 0) {
        // 64 factors of two: (2|n)^64 = 1, no sign change
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = 0;
        continue;
      }
      int z = Long.numberOfTrailingZeros(a0);
      if (z > 0) {
        a0 = (a0 >>> z) | (a1 << (64 - z));
        a1 = (a1 >>> z) | (a2 << (64 - z));
        a2 = (a2 >>> z) | (a3 << (64 - z));
        a3 >>>= z;
        int nMod8 = (int) (n0 & 7);
        if ((z & 1) != 0 && (nMod8 == 3 || nMod8 == 5)) {
          negative = !negative; // (2|n) = -1 for n ≡ 3, 5 mod 8
        }
      }
      if (lessThan(a3, a2, a1, a0, n3, n2, n1, n0)) {
        long t = a0;
        a0 = n0;
        n0 = t;
        t = a1;
        a1 = n1;
        n1 = t;
        t = a2;
        a2 = n2;
        n2 = t;
        t = a3;
        a3 = n3;
        n3 = t;
        if ((a0 & 3) == 3 && (n0 & 3) == 3) {
          negative = !negative; // quadratic reciprocity
        }
      }
      // both odd and a ≥ n: a − n is even and smaller
      long borrow = Long.compareUnsigned(a0, n0) < 0 ? 1 : 0;
      a0 -= n0;
      long nextBorrow = Long.compareUnsigned(a1, n1) < 0 || (borrow == 1 && a1 == n1) ? 1 : 0;
      a1 = a1 - n1 - borrow;
      borrow = nextBorrow;
      nextBorrow = Long.compareUnsigned(a2, n2) < 0 || (borrow == 1 && a2 == n2) ? 1 : 0;
      a2 = a2 - n2 - borrow;
      a3 = a3 - n3 - nextBorrow;
    }
    boolean one = n0 == 1 && (n1 | n2 | n3) == 0;
    return one ? (negative ? -1 : 1) : 0;
  }

  private static boolean lessThan(
      long a3, long a2, long a1, long a0, long b3, long b2, long b1, long b0) {
    if (a3 != b3) {
      return Long.compareUnsigned(a3, b3) < 0;
    }
    if (a2 != b2) {
      return Long.compareUnsigned(a2, b2) < 0;
    }
    if (a1 != b1) {
      return Long.compareUnsigned(a1, b1) < 0;
    }
    return Long.compareUnsigned(a0, b0) < 0;
  }

  private static long[] limbs(BigInteger value) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = value.shiftRight(64 * i).longValue();
    }
    return out;
  }
}
