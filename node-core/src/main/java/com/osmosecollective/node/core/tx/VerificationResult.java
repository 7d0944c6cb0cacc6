package com.osmosecollective.node.core.tx;

import java.util.List;

/** The outcome of verifying a transaction: {@code verified} iff there are no reasons. */
public record VerificationResult(boolean verified, List<String> reasons) {
  public VerificationResult {
    reasons = List.copyOf(reasons);
    if (verified != reasons.isEmpty()) {
      throw new IllegalArgumentException("verified exactly when there is no reason against it");
    }
  }

  public static VerificationResult of(List<String> reasons) {
    return new VerificationResult(reasons.isEmpty(), reasons);
  }
}
