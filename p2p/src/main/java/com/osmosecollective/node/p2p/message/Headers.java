package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/**
 * {@code shared.Headers}: the sender's app version, carried by every request ARK sends, and the
 * sender's P2P port ({@code null} when absent: ARK does not send it; see shared.proto).
 */
public record Headers(String version, Integer port) {
  public Headers {
    Objects.requireNonNull(version, "version");
  }

  /** The headers ARK sends: the version alone. */
  public Headers(String version) {
    this(version, null);
  }
}
