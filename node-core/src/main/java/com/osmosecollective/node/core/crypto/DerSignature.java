package com.osmosecollective.node.core.crypto;

import java.math.BigInteger;

/** DER encoding of ECDSA (r, s) with the strict acceptance rules of ARK 3 (spec §2.1). */
public final class DerSignature {
  private DerSignature() {}

  public static byte[] encode(BigInteger r, BigInteger s) {
    byte[] rb =
        r.toByteArray(); // minimal two's complement: a 0x00 pad only when the high bit is set
    byte[] sb = s.toByteArray();
    byte[] out = new byte[6 + rb.length + sb.length];
    out[0] = 0x30;
    out[1] = (byte) (4 + rb.length + sb.length);
    out[2] = 0x02;
    out[3] = (byte) rb.length;
    System.arraycopy(rb, 0, out, 4, rb.length);
    out[4 + rb.length] = 0x02;
    out[5 + rb.length] = (byte) sb.length;
    System.arraycopy(sb, 0, out, 6 + rb.length, sb.length);
    return out;
  }

  /**
   * Parses a signature accepted by ARK 3's verifier: BIP66 strict DER, positive minimal integers, 1
   * ≤ r, s < n and low-S. Returns {r, s}, or {@code null} if any rule fails.
   */
  public static BigInteger[] decodeStrict(byte[] sig) {
    if (sig == null || sig.length < 8 || sig.length > 72) {
      return null;
    }
    if (sig[0] != 0x30 || (sig[1] & 0xff) != sig.length - 2) {
      return null;
    }
    int lenR = sig[3] & 0xff;
    if (sig[2] != 0x02 || lenR == 0 || 5 + lenR >= sig.length) {
      return null;
    }
    int lenS = sig[5 + lenR] & 0xff;
    if (sig[4 + lenR] != 0x02 || lenS == 0 || 6 + lenR + lenS != sig.length) {
      return null;
    }
    if (!isMinimalPositive(sig, 4, lenR) || !isMinimalPositive(sig, 6 + lenR, lenS)) {
      return null;
    }
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 4, 4 + lenR));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 6 + lenR, 6 + lenR + lenS));
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(Secp256k1.N) >= 0) {
      return null;
    }
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      return null;
    }
    return new BigInteger[] {r, s};
  }

  private static boolean isMinimalPositive(byte[] sig, int offset, int length) {
    if ((sig[offset] & 0x80) != 0) {
      return false; // negative
    }
    return length == 1 || sig[offset] != 0 || (sig[offset + 1] & 0x80) != 0;
  }
}
