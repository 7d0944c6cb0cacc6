package com.osmosecollective.node.p2p.peer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * ARK's rate limits (spec §7.5): a global message rate per IP and one rate per route, applied to
 * what peers send us and, as a throttle, to what we send them.
 */
public record RateTable(Rate global, Map<String, Rate> routes) {
  /** {@code points} per {@code per}. */
  public record Rate(int points, Duration per) {
    public Rate {
      if (points < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a rate needs points >= 1 and a positive duration");
      }
    }
  }

  public RateTable {
    routes = Map.copyOf(routes);
  }

  /** ARK Core 3.9's table. */
  public static RateTable ark() {
    return new RateTable(
        new Rate(100, Duration.ofSeconds(1)),
        Map.of(
            "p2p.blocks.postBlock", new Rate(2, Duration.ofSeconds(4)),
            "p2p.blocks.getBlocks", new Rate(1, Duration.ofSeconds(2)),
            "p2p.peer.getPeers", new Rate(1, Duration.ofSeconds(1)),
            "p2p.peer.getStatus", new Rate(2, Duration.ofSeconds(1)),
            "p2p.peer.getCommonBlocks", new Rate(9, Duration.ofSeconds(1)),
            "p2p.transactions.postTransactions", new Rate(25, Duration.ofSeconds(1))));
  }

  /** The same table with one route's rate replaced (operators, tests and benchmarks). */
  public RateTable with(String route, Rate rate) {
    Map<String, Rate> copy = new java.util.HashMap<>(routes);
    copy.put(route, rate);
    return new RateTable(global, copy);
  }

  public Optional<Rate> route(String route) {
    return Optional.ofNullable(routes.get(route));
  }
}
