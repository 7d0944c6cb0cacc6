package com.osmosecollective.node.core.crypto;

import java.math.BigInteger;

/**
 * Whether a field element is a quadratic residue modulo secp256k1's p, as ARK's Schnorr needs for
 * y(R). A binary Jacobi-symbol algorithm on four 64-bit limbs, without data-dependent branches,
 * where y^((p−1)/2) with {@link BigInteger#modPow} costs about 25 µs, a third of a native
 * verification. Not constant time; it only ever sees public values.
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

  /**
   * Jacobi symbol (a | p) for 0 ≤ a < p, little-endian limbs. The binary algorithm (strip the
   * factors of two, subtract the smaller odd value from the larger) written without data-dependent
   * branches: on random values the swap and sign decisions are coin flips, and mispredicting them
   * cost more than the arithmetic (measured: about half the time on 256-bit values). Once both
   * values fit in one limb the rest runs on single longs.
   */
  private static int jacobi(long[] in) {
    long a0 = in[0], a1 = in[1], a2 = in[2], a3 = in[3];
    long n0 = P[0], n1 = P[1], n2 = P[2], n3 = P[3];
    long sign = 0; // 1 when the symbol is negated
    while ((a1 | a2 | a3 | n1 | n2 | n3) != 0) {
      if (a0 == 0) {
        if ((a1 | a2 | a3) == 0) {
          return 0; // a = 0 and n > 1: they share a factor
        }
        // 64 factors of two: (2|n)^64 = 1
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = 0;
        continue;
      }
      int z = Long.numberOfTrailingZeros(a0);
      // (2|n) = -1 for n ≡ 3, 5 mod 8, once per factor of two
      sign ^= z & ((n0 >>> 1) ^ (n0 >>> 2)) & 1;
      // shift right by z in 0..63; (x << 1) << (63 - z) is x << (64 - z), and 0 when z = 0
      a0 = (a0 >>> z) | ((a1 << 1) << (63 - z));
      a1 = (a1 >>> z) | ((a2 << 1) << (63 - z));
      a2 = (a2 >>> z) | ((a3 << 1) << (63 - z));
      a3 >>>= z;
      // both odd: d = a − n; when it borrows, a < n: swap them (reciprocity) and keep n − a
      long d0 = a0 - n0;
      long borrow = ((~a0 & n0) | (~(a0 ^ n0) & d0)) >>> 63;
      long d1 = a1 - n1 - borrow;
      borrow = ((~a1 & n1) | (~(a1 ^ n1) & d1)) >>> 63;
      long d2 = a2 - n2 - borrow;
      borrow = ((~a2 & n2) | (~(a2 ^ n2) & d2)) >>> 63;
      long d3 = a3 - n3 - borrow;
      borrow = ((~a3 & n3) | (~(a3 ^ n3) & d3)) >>> 63;
      long swap = -borrow;
      sign ^= borrow & (a0 >>> 1) & (n0 >>> 1) & 1; // both ≡ 3 mod 4
      n0 ^= (a0 ^ n0) & swap;
      n1 ^= (a1 ^ n1) & swap;
      n2 ^= (a2 ^ n2) & swap;
      n3 ^= (a3 ^ n3) & swap;
      // a = swap ? −d : d, as (d XOR swap) − swap over the four limbs
      long carry = borrow;
      a0 = (d0 ^ swap) + carry;
      carry &= isZero(a0);
      a1 = (d1 ^ swap) + carry;
      carry &= isZero(a1);
      a2 = (d2 ^ swap) + carry;
      carry &= isZero(a2);
      a3 = (d3 ^ swap) + carry;
    }
    return jacobiSmall(a0, n0, sign);
  }

  /** The same steps on single unsigned longs, n odd. */
  private static int jacobiSmall(long a, long n, long sign) {
    while (a != 0) {
      int z = Long.numberOfTrailingZeros(a);
      sign ^= z & ((n >>> 1) ^ (n >>> 2)) & 1;
      a >>>= z;
      long d = a - n;
      long borrow = ((~a & n) | (~(a ^ n) & d)) >>> 63;
      long swap = -borrow;
      sign ^= borrow & (a >>> 1) & (n >>> 1) & 1;
      n ^= (a ^ n) & swap;
      a = (d ^ swap) - swap;
    }
    return n == 1 ? (sign == 0 ? 1 : -1) : 0;
  }

  /** 1 when {@code x} is 0, else 0. */
  private static long isZero(long x) {
    return ((x | -x) >>> 63) ^ 1;
  }

  private static long[] limbs(BigInteger value) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = value.shiftRight(64 * i).longValue();
    }
    return out;
  }
}
