package com.osmosecollective.node.consensus.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * One sender's pending transactions in nonce order (they are admitted only in sequence, so
 * insertion order is nonce order). {@code order} is when the sender was first seen: ARK breaks fee
 * ties by the sender encountered first.
 */
final class SenderQueue {
  private final long order;
  private final List<PoolEntry> entries = new ArrayList<>();

  SenderQueue(long order) {
    this.order = order;
  }

  /** A copy holding the same entries, for a reader off the chain thread. */
  SenderQueue copy() {
    SenderQueue copy = new SenderQueue(order);
    copy.entries.addAll(entries);
    return copy;
  }

  long order() {
    return order;
  }

  int size() {
    return entries.size();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  PoolEntry get(int index) {
    return entries.get(index);
  }

  PoolEntry latest() {
    return entries.get(entries.size() - 1);
  }

  void add(PoolEntry entry) {
    entries.add(entry);
  }

  int indexOf(String id) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Removes the entry at {@code index} and every later one (they depend on its nonce). */
  List<PoolEntry> removeFrom(int index) {
    List<PoolEntry> tail = new ArrayList<>(entries.subList(index, entries.size()));
    entries.subList(index, entries.size()).clear();
    return tail;
  }
}
