package com.osmosecollective.node.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key within a column family, with content equality, for the pending-write overlay. The hash
 * (FNV-1a over the bytes, computed once) spreads keys that differ only in a few bytes, which {@link
 * Arrays#hashCode(byte[])} maps to colliding values.
 */
final class ColumnKey {
  private final ColumnFamily column;
  private final byte[] key;
  private final int hash;

  ColumnKey(ColumnFamily column, byte[] key) {
    this.column = Objects.requireNonNull(column);
    this.key = Objects.requireNonNull(key);
    long h = 0xcbf29ce484222325L ^ column.code();
    for (byte b : key) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    this.hash = (int) (h ^ (h >>> 32));
  }

  ColumnFamily column() {
    return column;
  }

  byte[] key() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnKey other
        && hash == other.hash
        && column == other.column
        && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return column.familyName() + ":" + com.osmosecollective.node.core.encoding.Hex.encode(key);
  }
}
