package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the pool's pending transactions, published by the chain thread after the
 * pool changed, so readers (the API's {@code /transactions/unconfirmed}) never touch the pool
 * itself nor wait for the chain thread. The chain thread only copies the senders' queues (a copy
 * per burst of admissions, cheap); the forging order is worked out by the first reader that asks
 * for it, off the chain thread.
 */
public final class PoolView {
  private final List<SenderQueue> queues;
  private final int size;
  private final long height;
  private volatile List<Transaction> ordered;

  private PoolView(List<SenderQueue> queues, int size, long height) {
    this.queues = queues;
    this.size = size;
    this.height = height;
  }

  /** A copy of {@code queues} (each copied, so later pool changes do not show). */
  static PoolView of(Iterable<SenderQueue> queues, long height) {
    List<SenderQueue> copies = new ArrayList<>();
    int size = 0;
    for (SenderQueue q : queues) {
      if (!q.isEmpty()) {
        copies.add(q.copy());
        size += q.size();
      }
    }
    return new PoolView(List.copyOf(copies), size, height);
  }

  public static PoolView empty(long height) {
    return new PoolView(List.of(), 0, height);
  }

  /** Every pending transaction in forging order. */
  public List<Transaction> transactions() {
    List<Transaction> out = ordered;
    if (out == null) {
      List<Transaction> all = new ArrayList<>(size);
      ForgingOrder order = new ForgingOrder(queues);
      while (order.hasNext()) {
        all.add(order.next().tx());
      }
      // two readers may both work it out: the same list, so either may win
      out = List.copyOf(all);
      ordered = out;
    }
    return out;
  }

  /** The chain height the pool was at when the copy was made. */
  public long height() {
    return height;
  }

  public int size() {
    return size;
  }

  /** The pending transaction {@code id}, if any (a linear scan: pools hold at most thousands). */
  public Optional<Transaction> get(String id) {
    for (SenderQueue q : queues) {
      for (int i = 0; i < q.size(); i++) {
        Transaction tx = q.get(i).tx();
        if (tx.id().equals(id)) {
          return Optional.of(tx);
        }
      }
    }
    return Optional.empty();
  }

  /** Pending transactions by id. */
  public Map<String, Transaction> byId() {
    Map<String, Transaction> out = new HashMap<>(size * 2);
    for (SenderQueue q : queues) {
      for (int i = 0; i < q.size(); i++) {
        Transaction tx = q.get(i).tx();
        out.put(tx.id(), tx);
      }
    }
    return out;
  }
}
