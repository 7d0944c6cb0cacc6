package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last rendered resources of committed chain data (blocks, transactions with their block),
 * keyed so that a key names one immutable rendering: a block by its id, a transaction by its id and
 * its block's id (a reorganisation that moves it gets a new key). Lists are what explorers and
 * wallets poll, and their newest pages are the same resources again and again; rendering one means
 * decoding it, hashing and base58 addresses, formatting dates. Only {@code confirmations} depends
 * on the tip: the caller sets it on the copy it gets. Bounded (least recently used out); each
 * caller gets its own copy, so no answer shares a mutable node with another.
 */
final class RenderCache {
  private final Map<String, ObjectNode> entries;

  RenderCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > capacity;
          }
        };
  }

  /** A copy of the rendering of {@code key}, rendered by {@code render} the first time. */
  ObjectNode get(String key, Supplier<ObjectNode> render) {
    ObjectNode cached;
    synchronized (entries) {
      cached = entries.get(key);
    }
    if (cached == null) {
      cached = render.get();
      synchronized (entries) {
        entries.put(key, cached);
      }
    }
    return cached.deepCopy();
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
