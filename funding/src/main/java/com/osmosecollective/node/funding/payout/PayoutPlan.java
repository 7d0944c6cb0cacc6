package com.osmosecollective.node.funding.payout;

import java.util.List;
import java.util.Optional;

/**
 * What a delegate's proposal promises for the blocks it forged in {@code fromHeight..toHeight}.
 * Amounts are arktoshi; {@code promised + remainder == rewards + fees}.
 *
 * @param recipients every address owed something, by address
 * @param blocks the delegate's blocks in the range, ascending
 * @param proposalCids the proposals in force over the range, in order of first use
 */
public record PayoutPlan(
    String delegatePublicKey,
    String delegateAddress,
    String username,
    long fromHeight,
    long toHeight,
    long rewards,
    long fees,
    long promised,
    long remainder,
    List<RecipientAmount> recipients,
    List<BlockShare> blocks,
    List<String> proposalCids) {

  public PayoutPlan {
    recipients = List.copyOf(recipients);
    blocks = List.copyOf(blocks);
    proposalCids = List.copyOf(proposalCids);
  }

  public long forged() {
    return rewards + fees;
  }

  public Optional<RecipientAmount> recipient(String address) {
    return recipients.stream().filter(r -> r.address().equals(address)).findFirst();
  }
}
