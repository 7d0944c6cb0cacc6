package com.osmosecollective.node.core.encoding;

import java.util.Arrays;

/**
 * An immutable byte string with value equality, so records holding keys, signatures or hashes
 * compare by content. Construction copies; {@link #toArray()} copies.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;
  private int hash;

  private Bytes(byte[] data) {
    this.data = data;
  }

  public static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  public static Bytes of(byte[] data, int offset, int length) {
    return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** Parses hex; any malformed input is a {@link DecodeException}. */
  public static Bytes fromHex(CharSequence hex) throws DecodeException {
    return new Bytes(Hex.decode(hex));
  }

  /** Parses hex that must decode to exactly {@code length} bytes. */
  public static Bytes fromHex(CharSequence hex, int length, String what) throws DecodeException {
    return new Bytes(Hex.decode(hex, length, what));
  }

  /** Reads {@code count} bytes from a reader (bounded by the reader). */
  public static Bytes read(ByteReader reader, int count, String what) throws DecodeException {
    return new Bytes(reader.bytes(count, what));
  }

  public int length() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  public int get(int index) {
    return data[index] & 0xff;
  }

  public byte[] toArray() {
    return data.clone();
  }

  public String hex() {
    return Hex.encode(data);
  }

  public void writeTo(ByteWriter writer) {
    writer.bytes(data);
  }

  /** Digest input without copying. */
  public void updateDigest(java.security.MessageDigest digest) {
    digest.update(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  @Override
  public String toString() {
    return hex();
  }
}
