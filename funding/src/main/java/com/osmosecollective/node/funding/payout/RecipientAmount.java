package com.osmosecollective.node.funding.payout;

import java.util.List;

/**
 * One recipient's total over a range, in arktoshi.
 *
 * @param asVoter what it gets as a voter of the delegate
 * @param asShare what it gets as a named recipient of the proposal
 * @param shareNames the proposal entries naming this address
 */
public record RecipientAmount(String address, long asVoter, long asShare, List<String> shareNames) {
  public RecipientAmount {
    shareNames = List.copyOf(shareNames);
  }

  public long amount() {
    return Math.addExact(asVoter, asShare);
  }
}
