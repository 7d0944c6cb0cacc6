package com.osmosecollective.node.core.encoding;

import java.util.Arrays;

/**
 * Reads little-endian fields from a byte array. Every read checks the remaining length first, so a
 * truncated or lying input ends in a {@link DecodeException}, never in an allocation sized by the
 * input or an index error.
 */
public final class ByteReader {
  private final byte[] data;
  private final int end;
  private int position;

  public ByteReader(byte[] data) {
    this(data, 0, data.length);
  }

  public ByteReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new IllegalArgumentException("slice out of bounds");
    }
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return end - position;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  /** The underlying array, for callers that need to hash a slice without copying. */
  public byte[] array() {
    return data;
  }

  private void require(int count, String what) throws DecodeException {
    if (count < 0 || count > end - position) {
      throw new DecodeException(
          "truncated input: " + what + " needs " + count + " bytes, " + (end - position) + " left");
    }
  }

  public int u8(String what) throws DecodeException {
    require(1, what);
    return data[position++] & 0xff;
  }

  /** Looks at the next byte without consuming it. */
  public int peekU8(String what) throws DecodeException {
    require(1, what);
    return data[position] & 0xff;
  }

  public int peekU8(int ahead, String what) throws DecodeException {
    require(ahead + 1, what);
    return data[position + ahead] & 0xff;
  }

  public int u16(String what) throws DecodeException {
    require(2, what);
    int v = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
    position += 2;
    return v;
  }

  /** An unsigned 32-bit little-endian value. */
  public long u32(String what) throws DecodeException {
    require(4, what);
    long v =
        (data[position] & 0xffL)
            | (data[position + 1] & 0xffL) << 8
            | (data[position + 2] & 0xffL) << 16
            | (data[position + 3] & 0xffL) << 24;
    position += 4;
    return v;
  }

  /** An unsigned 32-bit value that must also fit a non-negative int (counts, heights, lengths). */
  public int u32AsInt(String what) throws DecodeException {
    long v = u32(what);
    if (v > Integer.MAX_VALUE) {
      throw new DecodeException(what + " is too large: " + v);
    }
    return (int) v;
  }

  /** A 64-bit little-endian value as written by ARK; the raw bits are returned. */
  public long u64(String what) throws DecodeException {
    require(8, what);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[position + i] & 0xffL);
    }
    position += 8;
    return v;
  }

  /** A 64-bit value that must be within 0..2^63-1, the range ARK's schemas allow for amounts. */
  public long u63(String what) throws DecodeException {
    long v = u64(what);
    if (v < 0) {
      throw new DecodeException(what + " exceeds 2^63-1");
    }
    return v;
  }

  /** An unsigned 64-bit big-endian value (the legacy previousBlock field). */
  public long u64BigEndian(String what) throws DecodeException {
    require(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[position + i] & 0xffL);
    }
    position += 8;
    return v;
  }

  public byte[] bytes(int count, String what) throws DecodeException {
    require(count, what);
    byte[] out = Arrays.copyOfRange(data, position, position + count);
    position += count;
    return out;
  }

  public void skip(int count, String what) throws DecodeException {
    require(count, what);
    position += count;
  }
}
