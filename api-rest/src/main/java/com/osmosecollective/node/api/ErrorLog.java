package com.osmosecollective.node.api;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs unexpected failures of API requests at ERROR, at most once per interval (with how many were
 * left out), so a flood of failing requests cannot flood the log.
 */
final class ErrorLog {
  private final Logger log;
  private final long intervalMillis;
  private final AtomicLong nextAllowed = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  ErrorLog(Logger log, long intervalMillis) {
    this.log = log;
    this.intervalMillis = intervalMillis;
  }

  /** Returns whether this failure was logged. */
  boolean error(String what, Throwable cause) {
    long now = System.currentTimeMillis();
    long next = nextAllowed.get();
    if (now >= next && nextAllowed.compareAndSet(next, now + intervalMillis)) {
      long left = suppressed.getAndSet(0);
      log.error("{} ({} similar failures not logged)", what, left, cause);
      return true;
    }
    suppressed.incrementAndGet();
    return false;
  }
}
