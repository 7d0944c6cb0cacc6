package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.Objects;

/** A pending transaction as kept across restarts: itself and the height at which it entered. */
public record StoredTransaction(Transaction tx, long heightAdded) {
  public StoredTransaction {
    Objects.requireNonNull(tx, "tx");
  }
}
