package com.osmosecollective.node.api;

import java.time.Duration;

/**
 * How deliveries go out.
 *
 * @param timeout for the connection and for the answer's status line (ARK's default 1,500 ms)
 * @param attempts tries per delivery, the first included
 * @param firstRetry wait before the second try; each further wait doubles
 * @param capacity deliveries waiting (queued or waiting for a retry) at most; more are dropped
 * @param senders threads sending (each waits for one answer at a time)
 */
public record WebhookDeliverySettings(
    Duration timeout, int attempts, Duration firstRetry, int capacity, int senders) {
  public WebhookDeliverySettings {
    if (attempts < 1 || capacity < 1 || senders < 1) {
      throw new IllegalArgumentException("webhook delivery limits must be positive");
    }
  }

  /** 1.5 s timeout, 5 tries 1, 2, 4 and 8 s apart, 1,000 waiting deliveries, 2 senders. */
  public static WebhookDeliverySettings defaults() {
    return new WebhookDeliverySettings(Duration.ofMillis(1500), 5, Duration.ofSeconds(1), 1000, 2);
  }

  /** The wait before try {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt) {
    return firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
  }
}
