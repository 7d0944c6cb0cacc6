package com.osmosecollective.node.consensus;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Epoch time: whole seconds since the network epoch (ARK's {@code Slots.getTime}). The clock is
 * injected so that tests and simulations control "now".
 */
public final class NetworkTime {
  private final long epochMillis;
  private final Clock clock;

  public NetworkTime(Instant epoch, Clock clock) {
    this.epochMillis = epoch.toEpochMilli();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The current epoch time. */
  public long now() {
    return epochTimeOf(clock.millis());
  }

  /** The current time in Unix milliseconds, from the injected clock. */
  public long nowMillis() {
    return clock.millis();
  }

  /** {@code floor((unixMillis - epochMillis) / 1000)}, floored also before the epoch. */
  public long epochTimeOf(long unixMillis) {
    return Math.floorDiv(Math.subtractExact(unixMillis, epochMillis), 1000L);
  }

  /** The Unix millisecond at which an epoch second begins. */
  public long unixMillisOf(long epochTime) {
    return Math.addExact(epochMillis, Math.multiplyExact(epochTime, 1000L));
  }
}
