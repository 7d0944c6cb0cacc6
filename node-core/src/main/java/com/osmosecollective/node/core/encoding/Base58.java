package com.osmosecollective.node.core.encoding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58 and Base58Check with Bitcoin's alphabet. */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final byte[] ALPHABET_BYTES = ALPHABET.getBytes(StandardCharsets.US_ASCII);
  private static final int[] INDEXES = new int[128];
  private static final int LIMB_DIGITS = 5;
  private static final long LIMB = 58L * 58 * 58 * 58 * 58;

  /** Longest text accepted, so that decoding work is bounded whatever the input. */
  public static final int MAX_TEXT_LENGTH = 1024;

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEXES[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  public static boolean isBase58(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || INDEXES[c] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Long division of the big-endian bytes into base-58 digits, without BigInteger (and {@link
   * #decode} the other way): addresses are encoded for every recipient of every transaction
   * applied, and decoded for every one posted, so both are on hot paths.
   */
  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // Limbs of 58^5 (< 2^30), little-endian, fed 32 bits at a time: a limb times 2^32 plus the
    // carry stays within a long, and each step divides by the constant once per limb instead of
    // once per digit and byte.
    int[] limbs = new int[(data.length - zeros) * 138 / 500 + 2];
    int used = 0;
    int i = zeros;
    while (i < data.length) {
      int take = Math.min(4, data.length - i);
      long carry = 0;
      for (int k = 0; k < take; k++) {
        carry = (carry << 8) | (data[i + k] & 0xff);
      }
      i += take;
      int shift = 8 * take;
      for (int j = 0; j < used; j++) {
        long value = ((long) limbs[j] << shift) + carry;
        limbs[j] = (int) (value % LIMB);
        carry = value / LIMB;
      }
      while (carry != 0) {
        limbs[used++] = (int) (carry % LIMB);
        carry /= LIMB;
      }
    }
    byte[] digits = new byte[used * LIMB_DIGITS];
    int length = 0; // little-endian digits
    for (int j = 0; j < used; j++) {
      int limb = limbs[j];
      for (int d = 0; d < LIMB_DIGITS; d++) {
        digits[length++] = (byte) (limb % 58);
        limb /= 58;
      }
    }
    while (length > 0 && digits[length - 1] == 0) {
      length--; // the top limb's leading zeros
    }
    byte[] out = new byte[zeros + length];
    Arrays.fill(out, 0, zeros, (byte) '1');
    for (int k = 0; k < length; k++) {
      out[zeros + k] = ALPHABET_BYTES[digits[length - 1 - k]];
    }
    return new String(out, StandardCharsets.US_ASCII);
  }

  public static byte[] decode(CharSequence text) throws DecodeException {
    if (text == null || text.length() == 0) {
      throw new DecodeException("base58 text is empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new DecodeException("base58 text is longer than " + MAX_TEXT_LENGTH);
    }
    // base-256 digits, least significant first: log(58) / log(256) < 0.733
    int[] digits = new int[text.length() * 733 / 1000 + 1];
    int length = 0;
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new DecodeException("invalid base58 character '" + c + "' at position " + i);
      }
      if (leading && digit == 0) {
        zeros++;
        continue;
      }
      leading = false;
      int carry = digit;
      int j = 0;
      for (; j < length || carry != 0; j++) {
        int value = (j < length ? digits[j] * 58 : 0) + carry;
        digits[j] = value & 0xff;
        carry = value >>> 8;
      }
      length = j;
    }
    byte[] out = new byte[zeros + length];
    for (int k = 0; k < length; k++) {
      out[zeros + k] = (byte) digits[length - 1 - k];
    }
    return out;
  }

  public static String encodeCheck(byte[] payload) {
    byte[] checksum = doubleSha256(payload);
    byte[] full = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(checksum, 0, full, payload.length, 4);
    return encode(full);
  }

  public static byte[] decodeCheck(CharSequence text) throws DecodeException {
    byte[] full = decode(text);
    if (full.length < 5) {
      throw new DecodeException("base58check payload is too short");
    }
    byte[] payload = Arrays.copyOf(full, full.length - 4);
    byte[] checksum = doubleSha256(payload);
    for (int i = 0; i < 4; i++) {
      if (checksum[i] != full[payload.length + i]) {
        throw new DecodeException("base58check checksum mismatch");
      }
    }
    return payload;
  }

  /**
   * Base58Check's checksum hash, sha256(sha256(x)); computed here so that encoding does not depend
   * on the crypto package (which depends on encoding).
   */
  private static byte[] doubleSha256(byte[] payload) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return sha256.digest(sha256.digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }
}
