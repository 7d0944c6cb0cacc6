package com.osmosecollective.node.core.encoding;

import java.util.Arrays;

/** Appends little-endian fields to a growable buffer. */
public final class ByteWriter {
  private byte[] buffer;
  private int size;

  public ByteWriter() {
    this(256);
  }

  public ByteWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  public ByteWriter u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ByteWriter u16(int value) {
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    return this;
  }

  public ByteWriter u32(long value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public ByteWriter u64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public ByteWriter u64BigEndian(long value) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public ByteWriter bytes(byte[] value) {
    return bytes(value, 0, value.length);
  }

  public ByteWriter bytes(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, buffer, size, length);
    size += length;
    return this;
  }

  public ByteWriter zeros(int count) {
    ensure(count);
    size += count; // the buffer is zero-filled beyond size
    return this;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
