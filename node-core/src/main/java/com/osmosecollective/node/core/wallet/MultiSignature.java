package com.osmosecollective.node.core.wallet;

import java.util.List;
import java.util.Objects;

/**
 * A wallet's multi-signature registration: {@code min} of the participant {@code publicKeys} (hex)
 * must sign. {@code legacy} marks a v1 registration bootstrapped from before aip11.
 */
public record MultiSignature(int min, List<String> publicKeys, boolean legacy) {
  public MultiSignature {
    publicKeys = List.copyOf(Objects.requireNonNull(publicKeys, "publicKeys"));
    if (min < 1 || min > publicKeys.size()) {
      throw new IllegalArgumentException("min must be within 1.." + publicKeys.size() + ": " + min);
    }
  }
}
