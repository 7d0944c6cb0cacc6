package com.osmosecollective.node.funding.payout;

import java.util.List;

/**
 * What {@code osmose delegate payout} would pay for a requested range: one batch per range of
 * heights no earlier payout covers; {@code alreadyPaid} lists the earlier payouts that covered
 * parts of it. Empty batches: everything was paid already.
 */
public record PayoutRun(
    String username,
    String delegateAddress,
    HeightRange requested,
    List<PaidPayout> alreadyPaid,
    List<PayoutBatch> batches) {
  public PayoutRun {
    alreadyPaid = List.copyOf(alreadyPaid);
    batches = List.copyOf(batches);
  }

  public long total() {
    return batches.stream().mapToLong(PayoutBatch::total).sum();
  }
}
