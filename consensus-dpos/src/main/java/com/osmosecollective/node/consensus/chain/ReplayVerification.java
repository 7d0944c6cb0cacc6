package com.osmosecollective.node.consensus.chain;

/** How much of a block's verification a {@link Chain#replay} repeats. */
public enum ReplayVerification {
  /** Every check a block from a peer gets, each transaction's signatures included. */
  FULL,

  /**
   * For blocks this node (or the node whose database or snapshot it copies) verified in full when
   * it first accepted them. Everything that binds the data together and is cheap is checked again:
   * the block id recomputed from the header, the block signature of the generator scheduled for the
   * slot, the payload hash over the transaction ids, chaining, totals and limits, the decision list
   * and every state rule (balances, nonces, second and multi-signature wallets' signatures where
   * state needs them). Only the transactions' own signature checks are skipped, the bulk of the CPU
   * of a full replay. A transaction id is the hash of its bytes with its signatures, so no
   * transaction can be altered, added or removed without breaking a signed header. The trust lies
   * in the source alone for one thing: a generator that signed a block holding transactions with
   * invalid signatures, which a full verification would have refused when the block arrived.
   */
  TRUSTED_SOURCE
}
