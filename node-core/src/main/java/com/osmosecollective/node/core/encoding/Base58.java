package com.osmosecollective.node.core.encoding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58 and Base58Check with Bitcoin's alphabet. */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEXES = new int[128];

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
    // log(256) / log(58) < 1.38: enough base-58 digits for the remaining bytes
    int[] digits = new int[(data.length - zeros) * 138 / 100 + 1];
    int length = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xff;
      int j = 0;
      for (; j < length || carry != 0; j++) {
        int value = (j < length ? digits[j] * 256 : 0) + carry;
        digits[j] = value % 58;
        carry = value / 58;
      }
      length = j;
    }
    char[] out = new char[zeros + length];
    Arrays.fill(out, 0, zeros, '1');
    for (int k = 0; k < length; k++) {
      out[zeros + k] = ALPHABET.charAt(digits[length - 1 - k]);
    }
    return new String(out);
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
