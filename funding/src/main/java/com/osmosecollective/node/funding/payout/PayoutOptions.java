package com.osmosecollective.node.funding.payout;

import java.util.Set;

/**
 * Filters of a payout run ({@code --min-amount}, {@code --exclude}).
 *
 * @param minAmount arktoshi; a recipient owed less is not paid in this run; null = the proposal's
 *     {@code minimumPayout}
 * @param exclude addresses never paid by this run
 */
public record PayoutOptions(Long minAmount, Set<String> exclude) {
  public PayoutOptions {
    exclude = Set.copyOf(exclude);
    if (minAmount != null && minAmount < 0) {
      throw new IllegalArgumentException("negative minimum amount");
    }
  }

  public static PayoutOptions defaults() {
    return new PayoutOptions(null, Set.of());
  }
}
