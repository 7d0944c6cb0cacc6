package com.osmosecollective.node.consensus.pool;

import java.util.Objects;

/** A refusal a wallet can show: ARK's error type and a human-readable message. */
public record PoolRejection(RejectionCode code, String message) {
  public PoolRejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** ARK's {@code type} string. */
  public String type() {
    return code.name();
  }
}
