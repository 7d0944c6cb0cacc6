package com.osmosecollective.node.funding.payout;

import java.util.Map;

/** A payout transaction the delegate sent: its memo and what it paid to each address (arktoshi). */
public record PaidPayout(
    String transactionId, long height, PayoutMemo memo, Map<String, Long> paid) {
  public PaidPayout {
    paid = Map.copyOf(paid);
  }

  public long total() {
    return paid.values().stream().mapToLong(Long::longValue).sum();
  }
}
