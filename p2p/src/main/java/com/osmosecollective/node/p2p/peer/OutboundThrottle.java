package com.osmosecollective.node.p2p.peer;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * ARK's rate table applied to our own requests, per peer: a request waits for its turn instead of
 * breaching the peer's limit (which would get us banned by a strict peer such as ourselves).
 */
public final class OutboundThrottle {
  private final RateTable table;
  private final ScheduledExecutorService scheduler;
  private final Map<PeerKey, Map<String, Bucket>> byPeer = new ConcurrentHashMap<>();

  public OutboundThrottle(RateTable table, ScheduledExecutorService scheduler) {
    this.table = table;
    this.scheduler = scheduler;
  }

  /**
   * Completes with true when the request may go, false when it could not within {@code maxWait}.
   */
  public CompletableFuture<Boolean> acquire(PeerKey peer, String route, Duration maxWait) {
    RateTable.Rate rate = table.routes().get(route);
    if (rate == null) {
      return CompletableFuture.completedFuture(true);
    }
    Bucket bucket =
        byPeer
            .computeIfAbsent(peer, p -> new ConcurrentHashMap<>())
            .computeIfAbsent(route, r -> Buckets.of(rate));
    if (bucket.tryConsume(1)) {
      return CompletableFuture.completedFuture(true);
    }
    return bucket.asScheduler().tryConsume(1, maxWait, scheduler);
  }

  /** Forgets a peer's buckets (when the peer is forgotten). */
  public void forget(PeerKey peer) {
    byPeer.remove(peer);
  }
}
