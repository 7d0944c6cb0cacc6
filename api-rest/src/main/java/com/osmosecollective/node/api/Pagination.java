package com.osmosecollective.node.api;

/**
 * A validated page request: the 1-based {@code page} the links are built from, the page size and
 * the number of entries to skip (an explicit {@code offset} parameter wins over the page).
 */
public record Pagination(long page, int limit, long offset) {
  public Pagination {
    if (page < 1 || limit < 1 || offset < 0) {
      throw new IllegalArgumentException("page and limit must be >= 1 and offset >= 0");
    }
  }
}
