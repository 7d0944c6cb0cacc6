package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;

/**
 * The wallet state transitions of a block (spec §4): the seam between the chain and the state
 * rules, so the chain does not care how each transaction type is applied. Implementations never
 * write: they read {@code base} and return every wallet the block changed.
 */
public interface StateApplier {
  /** Applies the genesis block to an empty state (genesis senders may go negative). */
  StateChanges applyGenesis(Block genesis, WalletLookup base) throws BlockApplyException;

  /**
   * Applies a block on top of {@code base}, the state after {@code previous}: its transactions in
   * order, then the forger's reward and fees.
   */
  StateChanges apply(Block block, Block previous, WalletLookup base) throws BlockApplyException;
}
