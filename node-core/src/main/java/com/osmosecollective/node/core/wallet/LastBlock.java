package com.osmosecollective.node.core.wallet;

import java.util.Objects;

/** The last block a delegate forged, as kept in its {@code delegate.lastBlock} attribute. */
public record LastBlock(long height, String id, long timestamp) {
  public LastBlock {
    Objects.requireNonNull(id, "id");
    if (height < 1) {
      throw new IllegalArgumentException("height must be >= 1: " + height);
    }
  }
}
