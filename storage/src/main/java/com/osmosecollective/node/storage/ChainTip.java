package com.osmosecollective.node.storage;

import java.util.Objects;

/** The last fully committed block. */
public record ChainTip(long height, String id) {
  public ChainTip {
    Objects.requireNonNull(id, "id");
  }
}
