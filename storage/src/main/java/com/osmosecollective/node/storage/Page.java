package com.osmosecollective.node.storage;

import java.util.List;

/** A page of results and whether more entries follow it. */
public record Page<T>(List<T> items, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }
}
