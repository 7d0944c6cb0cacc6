package com.osmosecollective.node.consensus.pool;

import java.util.Collection;
import java.util.PriorityQueue;

/**
 * ARK's forging order (spec §5, {@code query.ts}): repeatedly take, among the earliest remaining
 * transaction of every sender, the one with the highest fee; ties go to the sender seen first.
 * Within a sender, nonce order is kept. {@link #skipSender()} drops the rest of the last returned
 * transaction's sender (its later nonces cannot follow a transaction that was not taken).
 */
final class ForgingOrder {
  private record Cursor(SenderQueue queue, int index) {
    PoolEntry entry() {
      return queue.get(index);
    }
  }

  private final PriorityQueue<Cursor> heads;
  private Cursor last;
  private boolean skipLast;

  ForgingOrder(Collection<SenderQueue> queues) {
    heads =
        new PriorityQueue<>(
            Math.max(1, queues.size()),
            (a, b) -> {
              int byFee = Long.compare(b.entry().fee(), a.entry().fee());
              return byFee != 0 ? byFee : Long.compare(a.queue().order(), b.queue().order());
            });
    for (SenderQueue q : queues) {
      if (!q.isEmpty()) {
        heads.add(new Cursor(q, 0));
      }
    }
  }

  boolean hasNext() {
    advanceLast();
    return !heads.isEmpty();
  }

  PoolEntry next() {
    advanceLast();
    last = heads.remove();
    return last.entry();
  }

  void skipSender() {
    skipLast = true;
  }

  private void advanceLast() {
    if (last != null && !skipLast && last.index() + 1 < last.queue().size()) {
      heads.add(new Cursor(last.queue(), last.index() + 1));
    }
    last = null;
    skipLast = false;
  }
}
