package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code shared.Headers}: the sender's app version, carried by every request ARK sends. */
public record Headers(String version) {
  public Headers {
    Objects.requireNonNull(version, "version");
  }
}
