package com.osmosecollective.node.storage;

/**
 * One page of an index scan: skip {@code offset} entries, return up to {@code limit}, newest
 * (highest height) first unless {@code oldestFirst}.
 */
public record PageRequest(int offset, int limit, boolean oldestFirst) {
  public PageRequest {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
  }

  public static PageRequest newestFirst(int offset, int limit) {
    return new PageRequest(offset, limit, false);
  }

  public static PageRequest oldestFirst(int offset, int limit) {
    return new PageRequest(offset, limit, true);
  }
}
