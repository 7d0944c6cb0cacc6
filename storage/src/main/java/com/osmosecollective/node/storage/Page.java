package com.osmosecollective.node.storage;

import java.util.List;

/**
 * A page of results, whether more entries follow it, and how many entries the whole list holds when
 * the list is counted (else -1).
 */
public record Page<T>(List<T> items, boolean hasMore, long total) {
  public Page {
    items = List.copyOf(items);
    if (total < -1) {
      throw new IllegalArgumentException("total must be >= -1");
    }
  }

  /** A page of a list whose length is not known. */
  public Page(List<T> items, boolean hasMore) {
    this(items, hasMore, -1);
  }
}
