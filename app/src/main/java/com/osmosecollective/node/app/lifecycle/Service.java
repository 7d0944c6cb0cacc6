package com.osmosecollective.node.app.lifecycle;

import java.time.Duration;

/**
 * One part of the node that runs between {@link #start()} and {@link #stop()}: storage, chain,
 * pool, forger, P2P, REST API. A {@link ServiceTree} starts its services in dependency order and
 * stops them in reverse, each stop bounded by {@link #stopTimeout()}; it keeps their health.
 */
public interface Service {
  /** A short lowercase name for logs and the health view ({@code "storage"}, {@code "api"}). */
  String name();

  /**
   * Starts the service; the services it depends on are running. Throwing fails the node's start:
   * the services already started are stopped again.
   */
  void start() throws Exception;

  /**
   * Stops the service and releases what it holds; the services it depends on still run. Called
   * once, after a successful {@link #start()} only.
   */
  void stop() throws Exception;

  /**
   * How long {@link #stop()} may take. A stop that takes longer is abandoned: the tree logs it and
   * stops nothing below it, which that service may still be using (the process then exits, and
   * storage recovers as after a crash).
   */
  default Duration stopTimeout() {
    return Duration.ofSeconds(3);
  }

  /** What the service is doing, one line for the health view ({@code "height 120"}); may be "". */
  default String detail() {
    return "";
  }
}
