package com.osmosecollective.node.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every fatal failure of a running node lands, from any thread: the first one wins, is logged
 * as one clear ERROR (what happened, what to do) and from then on {@link #failed()} is true, which
 * stops forging and writes at once; the listeners (the runner) then stop the service tree and exit
 * with the failure's code.
 */
final class FatalStop {
  private static final Logger LOG = LoggerFactory.getLogger("osmose.fatal");

  private final Path dataDir;
  private final LongSupplier committedHeight;
  private final AtomicReference<FatalFailure> first = new AtomicReference<>();
  private final List<Consumer<FatalFailure>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param committedHeight the last height storage committed (for the advice)
   */
  FatalStop(Path dataDir, LongSupplier committedHeight) {
    this.dataDir = dataDir;
    this.committedHeight = committedHeight;
  }

  /** Whether a fatal failure happened: no more forging, no more writes. */
  boolean failed() {
    return first.get() != null;
  }

  Optional<FatalFailure> failure() {
    return Optional.ofNullable(first.get());
  }

  /** Called once with the first failure (at once if it happened already); must not block. */
  void onFatal(Consumer<FatalFailure> listener) {
    listeners.add(listener);
    FatalFailure failure = first.get();
    if (failure != null) {
      listener.accept(failure);
    }
  }

  /** A service met a failure that stops the node. */
  void report(String where, Throwable error) {
    long height;
    try {
      height = committedHeight.getAsLong();
    } catch (RuntimeException e) {
      height = -1;
    }
    FatalFailure failure = FatalFailure.classify(error, where, dataDir, height);
    if (!first.compareAndSet(null, failure)) {
      LOG.debug("after the fatal failure, {} also met: {}", where, error.toString());
      return;
    }
    if (failure.failureClass() == FailureClass.INTERNAL
        || failure.failureClass() == FailureClass.INVARIANT) {
      LOG.error(failure.message(), failure.cause());
    } else {
      LOG.error(failure.message());
    }
    for (Consumer<FatalFailure> listener : listeners) {
      try {
        listener.accept(failure);
      } catch (RuntimeException e) {
        LOG.warn("a fatal-failure listener failed: {}", e.toString());
      }
    }
  }
}
