package com.osmosecollective.node.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the benchmark sets, so each block it feeds the chain is in its own, current slot. */
final class SettableClock extends Clock {
  private volatile long millis;

  SettableClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  void set(Instant instant) {
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
