package com.osmosecollective.node.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ARK's per-IP API rate limit ({@code points} requests per {@code window}), with Bucket4j buckets
 * refilled whole at each window. Buckets of the least recently seen addresses are dropped beyond
 * {@link #MAX_TRACKED} addresses (a dropped address starts a fresh window).
 */
final class RateLimiter {
  static final int MAX_TRACKED = 100_000;

  /** One decision, with what ARK's {@code X-RateLimit-*} headers report. */
  record Decision(boolean allowed, long limit, long remaining, long resetMillis) {}

  private final int points;
  private final Duration window;
  private final Set<String> whitelist;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  RateLimiter(int points, int windowSeconds, Set<String> whitelist) {
    this.points = points;
    this.window = Duration.ofSeconds(Math.max(1, windowSeconds));
    this.whitelist = Set.copyOf(whitelist);
  }

  /** Null when the address is not limited (no limit configured, or whitelisted). */
  Decision take(String ip) {
    if (points <= 0 || whitelist.contains(ip)) {
      return null;
    }
    Bucket bucket;
    synchronized (buckets) {
      bucket =
          buckets.computeIfAbsent(
              ip,
              k ->
                  Bucket.builder()
                      .addLimit(l -> l.capacity(points).refillIntervally(points, window))
                      .build());
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    long waitNanos =
        probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
    return new Decision(
        probe.isConsumed(),
        points,
        probe.getRemainingTokens(),
        System.currentTimeMillis() + waitNanos / 1_000_000);
  }
}
