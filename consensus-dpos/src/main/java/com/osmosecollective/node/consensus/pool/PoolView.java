package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the pool's pending transactions in forging order, published by the chain
 * thread after the pool changed, so readers (the API's {@code /transactions/unconfirmed}) never
 * touch the pool itself nor wait for the chain thread.
 *
 * @param transactions every pending transaction in forging order
 * @param height the chain height the pool was at when the copy was made
 */
public record PoolView(List<Transaction> transactions, long height) {
  public PoolView {
    transactions = List.copyOf(transactions);
  }

  public static PoolView empty(long height) {
    return new PoolView(List.of(), height);
  }

  public int size() {
    return transactions.size();
  }

  /** The pending transaction {@code id}, if any (a linear scan: pools hold at most thousands). */
  public Optional<Transaction> get(String id) {
    for (Transaction tx : transactions) {
      if (tx.id().equals(id)) {
        return Optional.of(tx);
      }
    }
    return Optional.empty();
  }

  /** Pending transactions by id. */
  public Map<String, Transaction> byId() {
    Map<String, Transaction> out = new HashMap<>(transactions.size() * 2);
    transactions.forEach(tx -> out.put(tx.id(), tx));
    return out;
  }
}
