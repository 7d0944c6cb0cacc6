package com.osmosecollective.node.app.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the health view: a service, its state and since when, the last error it met (empty
 * when none) and what it says it is doing.
 */
public record ServiceHealth(
    String name, ServiceState state, Instant since, Optional<String> lastError, String detail) {

  /** {@code forger RUNNING since 2026-12-04T07:30:00Z (51 delegates)}, for the log. */
  public String describe() {
    StringBuilder out = new StringBuilder(name).append(' ').append(state);
    out.append(" since ").append(since);
    if (!detail.isEmpty()) {
      out.append(" (").append(detail).append(')');
    }
    lastError.ifPresent(e -> out.append("; last error: ").append(e));
    return out.toString();
  }
}
