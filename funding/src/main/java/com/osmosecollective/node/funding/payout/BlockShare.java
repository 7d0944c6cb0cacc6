package com.osmosecollective.node.funding.payout;

/**
 * What one block forged by the delegate yields and promises.
 *
 * @param proposalCid the proposal in force for the block, or null when the delegate had none
 * @param promised the sum of every recipient's share of this block
 * @param remainder forged − promised: rounding, and the voters' share of a block without voters
 */
public record BlockShare(
    long height, long reward, long fees, String proposalCid, long promised, long remainder) {
  public long forged() {
    return reward + fees;
  }
}
