package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pool holds, indexed three ways: by id in admission order (the order the wallet view
 * applied them, which respects every sender's nonce order), by sender in nonce order, and by the
 * pending claims of {@link PendingIndex}. Keeps the byte total. No wallet logic.
 */
final class PoolContents {
  private final LinkedHashMap<String, PoolEntry> byId = new LinkedHashMap<>();
  private final Map<Bytes, SenderQueue> bySender = new HashMap<>();
  private final PendingIndex pending = new PendingIndex();
  private long senderCounter;
  private long totalBytes;

  int size() {
    return byId.size();
  }

  long totalBytes() {
    return totalBytes;
  }

  boolean contains(String id) {
    return byId.containsKey(id);
  }

  PoolEntry get(String id) {
    return byId.get(id);
  }

  int senderCount(Bytes sender) {
    SenderQueue q = bySender.get(sender);
    return q == null ? 0 : q.size();
  }

  /** In admission order. */
  Collection<PoolEntry> entries() {
    return byId.values();
  }

  Collection<SenderQueue> queues() {
    return bySender.values();
  }

  Optional<PoolRejection> pendingConflict(Transaction tx) {
    return pending.conflict(tx);
  }

  void insert(PoolEntry entry) {
    byId.put(entry.id(), entry);
    bySender.computeIfAbsent(entry.sender(), k -> new SenderQueue(senderCounter++)).add(entry);
    pending.add(entry.tx());
    totalBytes += entry.size();
  }

  /** Removes {@code entry} and its sender's later transactions; returns them in nonce order. */
  List<PoolEntry> removeWithSuccessors(PoolEntry entry) {
    SenderQueue queue = bySender.get(entry.sender());
    List<PoolEntry> removed = queue.removeFrom(queue.indexOf(entry.id()));
    if (queue.isEmpty()) {
      bySender.remove(entry.sender());
    }
    for (PoolEntry e : removed) {
      byId.remove(e.id());
      pending.remove(e.tx());
      totalBytes -= e.size();
    }
    return removed;
  }

  /** ARK's eviction order: among every sender's latest transaction, the lowest fee first. */
  PoolEntry lowestPriority() {
    SenderQueue lowest = null;
    for (SenderQueue q : bySender.values()) {
      if (lowest == null
          || q.latest().fee() < lowest.latest().fee()
          || (q.latest().fee() == lowest.latest().fee() && q.order() < lowest.order())) {
        lowest = q;
      }
    }
    if (lowest == null) {
      throw new IllegalStateException("the pool is empty");
    }
    return lowest.latest();
  }

  /** Empties everything and returns the former entries in admission order. */
  List<PoolEntry> clear() {
    List<PoolEntry> all = new ArrayList<>(byId.values());
    byId.clear();
    bySender.clear();
    pending.clear();
    totalBytes = 0;
    return all;
  }
}
