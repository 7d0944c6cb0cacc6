package com.osmosecollective.node.core.encoding;

import java.nio.charset.StandardCharsets;

/**
 * Lowercase hexadecimal, strict on input: only the ASCII characters {@code [0-9a-fA-F]} are digits
 * ({@code Character.digit} would also take Arabic-Indic or full-width digits, so two different
 * strings would decode to the same bytes: one identity, two spellings).
 */
public final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Hex() {}

  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  public static String encode(byte[] bytes, int offset, int length) {
    // Latin-1 bytes become a compact string in one copy; a char[] would be scanned and narrowed
    byte[] out = new byte[length * 2];
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0f];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Decodes hex (either case); odd length or a non-hex character is a {@link DecodeException}. */
  public static byte[] decode(CharSequence hex) throws DecodeException {
    if (hex == null) {
      throw new DecodeException("hex string is missing");
    }
    int length = hex.length();
    if ((length & 1) != 0) {
      throw new DecodeException("hex string has odd length " + length);
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = nibble(hex.charAt(2 * i));
      int lo = nibble(hex.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new DecodeException(
            "invalid hex character at position " + (hi < 0 ? 2 * i : 2 * i + 1));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Decodes hex that must be exactly {@code byteLength} bytes long. */
  public static byte[] decode(CharSequence hex, int byteLength, String what)
      throws DecodeException {
    if (hex == null || hex.length() != byteLength * 2) {
      throw new DecodeException(what + " must be " + (byteLength * 2) + " hex characters");
    }
    return decode(hex);
  }

  /** For literals in code and tests, where malformed hex is a programming error. */
  public static byte[] decodeOrThrow(CharSequence hex) {
    try {
      return decode(hex);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static boolean isHex(CharSequence s, int length) {
    if (s == null || s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (nibble(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of an ASCII hex digit, -1 for any other character. */
  private static int nibble(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
