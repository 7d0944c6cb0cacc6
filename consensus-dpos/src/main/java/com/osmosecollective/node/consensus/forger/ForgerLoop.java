package com.osmosecollective.node.consensus.forger;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the forger on its own thread every {@code tickMillis}: slots are whole seconds, so a tick
 * well under a second never misses a forging window. A failure to record the signed slot (an I/O
 * error such as too many open files) is logged as an error once per distinct cause until a block is
 * forged again, and the forger tries again in its next slot; any other exception (a storage
 * failure, a full disk, a halted chain, a bug) is fatal: the loop stops and hands it to {@code
 * fatal}, never retrying it.
 */
public final class ForgerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForgerLoop.class);

  private final ForgingStep forger;
  private final long tickMillis;
  private final Consumer<Throwable> fatal;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "forger");
            t.setDaemon(true);
            return t;
          });

  /** The last recoverable failure logged (forging thread only), so it is logged once. */
  private String lastFailure;

  private volatile boolean stopped;

  /**
   * @param fatal told once, on the forging thread, of a failure that stops the loop; must not block
   */
  public ForgerLoop(ForgingStep forger, long tickMillis, Consumer<Throwable> fatal) {
    this.forger = forger;
    this.tickMillis = tickMillis;
    this.fatal = fatal;
  }

  public void start() {
    // tick() catches what it throws; the loop ends when the scheduler is shut down
    var unused = scheduler.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
  }

  /** Whether the loop stopped on a fatal failure. */
  public boolean stopped() {
    return stopped;
  }

  private void tick() {
    if (stopped) {
      return;
    }
    try {
      Optional<Forger.Forged> forged = forger.forgeIfDue();
      forged
          .filter(f -> !f.outcome().isAccepted())
          .ifPresent(
              f ->
                  LOG.warn(
                      "forged block {} was not accepted: {}",
                      f.block().height(),
                      f.outcome().reason()));
      if (forged.isPresent()) {
        lastFailure = null;
      }
    } catch (UncheckedIOException e) {
      String cause = String.valueOf(e.getMessage()) + ": " + e.getCause();
      if (!cause.equals(lastFailure)) {
        lastFailure = cause;
        LOG.error("cannot forge: {}; no block is signed until this is fixed", cause);
      }
    } catch (RuntimeException | Error e) {
      stopped = true;
      Throwable cause = unwrap(e);
      LOG.warn("forging stopped: {}", cause.toString());
      scheduler.shutdown();
      fatal.accept(cause);
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    stopped = true;
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
