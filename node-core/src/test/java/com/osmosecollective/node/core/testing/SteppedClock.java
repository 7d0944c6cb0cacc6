package com.osmosecollective.node.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it (the chain, forger and slots read time from it).
 */
public final class SteppedClock extends Clock {
  private volatile long millis;

  public SteppedClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  public void set(Instant instant) {
    this.millis = instant.toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
