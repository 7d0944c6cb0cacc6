package com.osmosecollective.node.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's own meters: {@code osmose.api.requests} (a latency histogram per route template, method
 * and status) and refusals by cause ({@code osmose.api.refused}: rate limit, overload).
 */
final class ApiMetrics {
  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String route, String method, int status, long nanos) {
    String key = route + ' ' + method + ' ' + status;
    timers
        .computeIfAbsent(
            key,
            k ->
                Timer.builder("osmose.api.requests")
                    .description("REST API requests by route template, method and status")
                    .tag("route", route)
                    .tag("method", method)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry))
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void refused(String cause) {
    registry.counter("osmose.api.refused", "cause", cause).increment();
  }
}
