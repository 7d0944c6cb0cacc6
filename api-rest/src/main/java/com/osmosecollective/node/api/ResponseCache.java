package com.osmosecollective.node.api;

import com.osmosecollective.node.storage.ChainTip;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Whole answers of the routes that read only committed chain data (block and transaction lists and
 * lookups, a wallet), kept for the tip they were made at: the key is the request's target as sent,
 * and every entry goes when the tip changes, so nothing stale is ever served (ARK's optional API
 * cache, {@code CORE_API_CACHE}, serves answers up to 8 s old instead). A cached answer is written
 * from the I/O thread without a worker. Bounded in entries and bytes; only 200s are kept.
 */
final class ResponseCache {
  /** The routes whose answers a tip fixes. */
  static final Set<String> CHAIN_ROUTES =
      Set.of(
          "/api/blocks",
          "/api/blocks/first",
          "/api/blocks/last",
          "/api/blocks/{id}",
          "/api/blocks/{id}/transactions",
          "/api/delegates/{id}/blocks",
          "/api/transactions",
          "/api/transactions/{id}",
          "/api/votes",
          "/api/votes/{id}",
          "/api/wallets/{id}",
          "/api/wallets/{id}/transactions",
          "/api/wallets/{id}/transactions/sent",
          "/api/wallets/{id}/transactions/received",
          "/api/wallets/{id}/votes");

  static final int MAX_ENTRIES = 2_000;
  static final long MAX_BYTES = 16L << 20;
  static final int MAX_ENTRY_BYTES = 512 << 10;

  /** One answer as written: status, JSON bytes, the height for {@code X-Block-Height}. */
  // bytes written as they are, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Answer(int status, byte[] body, long blockHeight) {}

  private record Generation(ChainTip tip, Map<String, Answer> answers, AtomicLong bytes) {}

  private final Supplier<Optional<ChainTip>> tip;
  private volatile Generation current;

  ResponseCache(Supplier<Optional<ChainTip>> tip) {
    this.tip = tip;
  }

  static boolean serves(String method, Route route) {
    return route != null
        && (method.equals("GET") || method.equals("HEAD"))
        && CHAIN_ROUTES.contains(route.template());
  }

  /** The answer to {@code target} at the current tip, if one was kept. */
  Optional<Answer> get(String target) {
    Generation g = current;
    Optional<ChainTip> now = tip.get();
    if (g == null || now.isEmpty() || !g.tip().equals(now.get())) {
      return Optional.empty();
    }
    return Optional.ofNullable(g.answers().get(target));
  }

  /** Keeps an answer made at {@code madeAt}, if that is still the tip. */
  void put(String target, ChainTip madeAt, Answer answer) {
    if (answer.status() != 200 || answer.body().length > MAX_ENTRY_BYTES) {
      return;
    }
    Optional<ChainTip> now = tip.get();
    if (now.isEmpty() || !now.get().equals(madeAt)) {
      return;
    }
    Generation g = current;
    if (g == null || !g.tip().equals(madeAt)) {
      synchronized (this) {
        g = current;
        if (g == null || !g.tip().equals(madeAt)) {
          g = new Generation(madeAt, new ConcurrentHashMap<>(), new AtomicLong());
          current = g;
        }
      }
    }
    if (g.answers().size() >= MAX_ENTRIES
        || g.bytes().addAndGet(answer.body().length) > MAX_BYTES) {
      return;
    }
    g.answers().putIfAbsent(target, answer);
  }
}
