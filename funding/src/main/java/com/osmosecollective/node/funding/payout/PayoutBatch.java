package com.osmosecollective.node.funding.payout;

import java.util.List;

/**
 * The payout of one range of not yet paid heights: the plan, what to pay under one memo, and what
 * is withheld (excluded, or below the minimum amount; it stays in the open accounts as owed).
 */
public record PayoutBatch(
    PayoutMemo memo, PayoutPlan plan, List<Payment> payments, List<Withheld> withheld) {
  public PayoutBatch {
    payments = List.copyOf(payments);
    withheld = List.copyOf(withheld);
  }

  public long total() {
    return payments.stream().mapToLong(Payment::amount).sum();
  }

  /** One payment of a payout. */
  public record Payment(String address, long amount) {}

  /** An amount the plan owes that this run does not pay, and why. */
  public record Withheld(String address, long amount, String reason) {}
}
