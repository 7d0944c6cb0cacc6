package com.osmosecollective.node.storage;

import java.util.Arrays;

/** A key within a column family, with content equality, for the pending-write overlay. */
record ColumnKey(ColumnFamily column, byte[] key) {
  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnKey other && column == other.column && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return column.hashCode() * 31 + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return column.familyName() + ":" + com.osmosecollective.node.core.encoding.Hex.encode(key);
  }
}
