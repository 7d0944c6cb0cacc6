package com.osmosecollective.node.consensus.pool;

import java.util.List;

/** A batch after {@link TransactionPool#prepare}, ready for {@link TransactionPool#admit}. */
public final class PreparedBatch {
  private final List<Prepared> entries;

  PreparedBatch(List<Prepared> entries) {
    this.entries = List.copyOf(entries);
  }

  List<Prepared> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }
}
