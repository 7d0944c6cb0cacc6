package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.WalletRepository;

/**
 * The wallet state transitions of a block (spec §4), as the chain needs them: applied on {@code
 * base}, which stays untouched, returning every wallet the block changed. A small seam so the chain
 * does not depend on how the rules are organised.
 */
public interface StateApplier {
  /** Applies the genesis block to an empty state (genesis senders may go negative). */
  StateChanges applyGenesis(Block genesis, WalletRepository base);

  /** Applies {@code block} on top of {@code base}, the state after {@code previous}. */
  StateChanges apply(Block block, Block previous, WalletRepository base) throws BlockApplyException;
}
