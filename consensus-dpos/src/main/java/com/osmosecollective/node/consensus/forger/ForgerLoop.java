package com.osmosecollective.node.consensus.forger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the forger on its own thread every {@code tickMillis}: slots are whole seconds, so a tick
 * well under a second never misses a forging window.
 */
public final class ForgerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForgerLoop.class);

  private final Forger forger;
  private final long tickMillis;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "forger");
            t.setDaemon(true);
            return t;
          });

  public ForgerLoop(Forger forger, long tickMillis) {
    this.forger = forger;
    this.tickMillis = tickMillis;
  }

  public void start() {
    // tick() catches what it throws; the loop ends when the scheduler is shut down
    var unused = scheduler.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      forger
          .forgeIfDue()
          .filter(f -> !f.outcome().isAccepted())
          .ifPresent(
              f ->
                  LOG.warn(
                      "forged block {} was not accepted: {}",
                      f.block().height(),
                      f.outcome().reason()));
    } catch (RuntimeException e) {
      LOG.error("forging failed: {}", e.toString(), e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
