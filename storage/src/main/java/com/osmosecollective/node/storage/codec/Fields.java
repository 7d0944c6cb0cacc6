package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shared field encodings of the value codecs; every read is bounded before it allocates. */
public final class Fields {
  public static final int PUBLIC_KEY_BYTES = 33;
  public static final int HASH_BYTES = 32;
  static final int MAX_STRING_BYTES = 0xffff;

  private Fields() {}

  public static void string(ByteWriter out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_STRING_BYTES) {
      throw new IllegalArgumentException("string too long to store: " + bytes.length + " bytes");
    }
    out.u16(bytes.length).bytes(bytes);
  }

  public static String string(ByteReader in, int maxBytes, String what) throws DecodeException {
    int length = in.u16(what + " length");
    if (length > maxBytes) {
      throw new DecodeException(what + " is " + length + " bytes, limit " + maxBytes);
    }
    return new String(in.bytes(length, what), StandardCharsets.UTF_8);
  }

  public static void optionalString(ByteWriter out, String value) {
    out.u8(value == null ? 0 : 1);
    if (value != null) {
      string(out, value);
    }
  }

  public static String optionalString(ByteReader in, int maxBytes, String what)
      throws DecodeException {
    return presence(in, what) ? string(in, maxBytes, what) : null;
  }

  /** A lowercase-hex string of a fixed byte length, stored as raw bytes. */
  public static void hex(ByteWriter out, String hex, int bytes, String what) {
    out.bytes(hexBytes(hex, bytes, what));
  }

  public static String hex(ByteReader in, int bytes, String what) throws DecodeException {
    return Hex.encode(in.bytes(bytes, what));
  }

  public static void optionalHex(ByteWriter out, String hex, int bytes, String what) {
    out.u8(hex == null ? 0 : 1);
    if (hex != null) {
      hex(out, hex, bytes, what);
    }
  }

  public static String optionalHex(ByteReader in, int bytes, String what) throws DecodeException {
    return presence(in, what) ? hex(in, bytes, what) : null;
  }

  /** Decodes lowercase hex of an exact length; anything else is a caller bug. */
  public static byte[] hexBytes(String hex, int bytes, String what) {
    if (hex.length() != bytes * 2) {
      throw new IllegalArgumentException(what + " must be " + bytes * 2 + " lowercase hex chars");
    }
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      int hi = lowerHexDigit(hex.charAt(2 * i));
      int lo = lowerHexDigit(hex.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(what + " must be " + bytes * 2 + " lowercase hex chars");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  public static boolean isLowerHex(String s, int chars) {
    if (s.length() != chars) {
      return false;
    }
    for (int i = 0; i < chars; i++) {
      if (lowerHexDigit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int lowerHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  public static boolean presence(ByteReader in, String what) throws DecodeException {
    int flag = in.u8(what + " presence");
    if (flag > 1) {
      throw new DecodeException(what + " presence flag is " + flag);
    }
    return flag == 1;
  }

  public static void bool(ByteWriter out, boolean value) {
    out.u8(value ? 1 : 0);
  }

  public static boolean bool(ByteReader in, String what) throws DecodeException {
    return presence(in, what);
  }

  public static void blob(ByteWriter out, byte[] value) {
    out.u32(value.length).bytes(value);
  }

  public static byte[] blob(ByteReader in, int maxBytes, String what) throws DecodeException {
    int length = in.u32AsInt(what + " length");
    if (length > maxBytes) {
      throw new DecodeException(what + " is " + length + " bytes, limit " + maxBytes);
    }
    return in.bytes(length, what);
  }

  /** A count bounded by both a fixed limit and what the remaining bytes could possibly hold. */
  public static int count(ByteReader in, int max, int minBytesEach, String what)
      throws DecodeException {
    int n = in.u16(what + " count");
    if (n > max || (long) n * minBytesEach > in.remaining()) {
      throw new DecodeException(what + " count " + n + " exceeds limit or remaining input");
    }
    return n;
  }

  public static void stringList(ByteWriter out, List<String> values) {
    if (values.size() > 0xffff) {
      throw new IllegalArgumentException("list too long to store: " + values.size());
    }
    out.u16(values.size());
    for (String value : values) {
      string(out, value);
    }
  }

  public static List<String> stringList(ByteReader in, int maxItems, int maxBytes, String what)
      throws DecodeException {
    int n = count(in, maxItems, 2, what);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(string(in, maxBytes, what));
    }
    return out;
  }

  public static void hexList(ByteWriter out, List<String> values, int bytes, String what) {
    if (values.size() > 0xffff) {
      throw new IllegalArgumentException("list too long to store: " + values.size());
    }
    out.u16(values.size());
    for (String value : values) {
      hex(out, value, bytes, what);
    }
  }

  public static List<String> hexList(ByteReader in, int maxItems, int bytes, String what)
      throws DecodeException {
    int n = count(in, maxItems, bytes, what);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(hex(in, bytes, what));
    }
    return out;
  }

  public static void requireEnd(ByteReader in, String what) throws DecodeException {
    if (in.hasRemaining()) {
      throw new DecodeException(what + " has " + in.remaining() + " trailing bytes");
    }
  }

  /** A signed 64-bit value (balances may be negative for genesis senders). */
  public static long i64(ByteReader in, String what) throws DecodeException {
    return in.u64(what);
  }

  public static long nonNegative(ByteReader in, String what) throws DecodeException {
    return in.u63(what);
  }
}
