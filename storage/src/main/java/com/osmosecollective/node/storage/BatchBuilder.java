package com.osmosecollective.node.storage;

import java.util.Arrays;
import org.rocksdb.WriteBatch;

/**
 * Builds a RocksDB write batch in its documented binary form in a Java array and hands it to
 * RocksDB in one call, instead of one JNI call per put (a block writes over a thousand keys).
 *
 * <p>Layout (RocksDB {@code write_batch.cc}): sequence fixed64 and count fixed32 (little-endian),
 * then per record a tag — value 0x1 / deletion 0x0 in the default column family, 0x5 / 0x4 with a
 * varint32 column family id otherwise — then the key and, for values, the value, each as a varint32
 * length and bytes.
 */
final class BatchBuilder {
  private static final int HEADER = 12;
  private static final int TYPE_DELETION = 0x0;
  private static final int TYPE_VALUE = 0x1;
  private static final int TYPE_CF_DELETION = 0x4;
  private static final int TYPE_CF_VALUE = 0x5;

  private byte[] buffer = new byte[1 << 16];
  private int size = HEADER;
  private int count;

  /** A position to roll back to. */
  record Mark(int size, int count) {}

  void put(int columnFamilyId, byte[] key, byte[] value) {
    ensure(11 + key.length + value.length);
    tag(columnFamilyId, TYPE_VALUE, TYPE_CF_VALUE);
    bytes(key);
    bytes(value);
    count++;
  }

  void delete(int columnFamilyId, byte[] key) {
    ensure(11 + key.length);
    tag(columnFamilyId, TYPE_DELETION, TYPE_CF_DELETION);
    bytes(key);
    count++;
  }

  Mark mark() {
    return new Mark(size, count);
  }

  void rollback(Mark mark) {
    size = mark.size();
    count = mark.count();
  }

  int count() {
    return count;
  }

  long dataSize() {
    return size;
  }

  /** The batch as a native RocksDB {@link WriteBatch}; the caller closes it. */
  WriteBatch toWriteBatch() {
    Arrays.fill(buffer, 0, 8, (byte) 0);
    buffer[8] = (byte) count;
    buffer[9] = (byte) (count >>> 8);
    buffer[10] = (byte) (count >>> 16);
    buffer[11] = (byte) (count >>> 24);
    return new WriteBatch(Arrays.copyOf(buffer, size));
  }

  private void tag(int columnFamilyId, int defaultType, int cfType) {
    if (columnFamilyId == 0) {
      buffer[size++] = (byte) defaultType;
    } else {
      buffer[size++] = (byte) cfType;
      varint(columnFamilyId);
    }
  }

  private void bytes(byte[] value) {
    varint(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
  }

  private void varint(int value) {
    while ((value & ~0x7f) != 0) {
      buffer[size++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("write batch exceeds 2 GiB; flush bulk batches sooner");
      }
      buffer = Arrays.copyOf(buffer, (int) wanted);
    }
  }
}
