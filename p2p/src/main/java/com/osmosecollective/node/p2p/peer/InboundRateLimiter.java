package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.transport.FrameCounter;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What peers may send us, per remote IP (spec §7.5): every frame counts against the global rate as
 * it arrives, every request also against its route's rate. IPs allowed to use the internal routes
 * (our own forger) are exempt, as in ARK. A breach is reported by the caller as a violation.
 */
public final class InboundRateLimiter implements FrameCounter {
  private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(2);
  private static final int PRUNE_ABOVE = 10_000;

  private final RateTable table;
  private final Set<InetAddress> exempt;
  private final Map<InetAddress, IpBuckets> byIp = new ConcurrentHashMap<>();

  private final class IpBuckets {
    final Bucket global = Buckets.of(table.global());
    final Map<String, Bucket> routes = new ConcurrentHashMap<>();
    volatile long lastUse = System.nanoTime();
  }

  public InboundRateLimiter(RateTable table, Set<InetAddress> exempt) {
    this.table = table;
    this.exempt = Set.copyOf(exempt);
  }

  @Override
  public boolean admit(InetAddress ip) {
    if (exempt.contains(ip)) {
      return true;
    }
    return buckets(ip).global.tryConsume(1);
  }

  /** Whether a request to {@code route} is within the route's rate (routes without one are). */
  public boolean admitRequest(InetAddress ip, String route) {
    if (exempt.contains(ip)) {
      return true;
    }
    RateTable.Rate rate = table.routes().get(route);
    if (rate == null) {
      return true;
    }
    return buckets(ip).routes.computeIfAbsent(route, r -> Buckets.of(rate)).tryConsume(1);
  }

  private IpBuckets buckets(InetAddress ip) {
    if (byIp.size() > PRUNE_ABOVE) {
      long now = System.nanoTime();
      byIp.values().removeIf(b -> now - b.lastUse > IDLE_NANOS);
    }
    IpBuckets buckets = byIp.computeIfAbsent(ip, k -> new IpBuckets());
    buckets.lastUse = System.nanoTime();
    return buckets;
  }
}
