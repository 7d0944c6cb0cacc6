package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;

/**
 * Hears about committed chain changes, on the chain thread right after the commit: keep it quick
 * and hand longer work to another thread. Readers notified here see the committed state.
 */
public interface ChainListener {
  /** {@code block} is committed; {@code forgedLocally} when our own forger made it. */
  default void blockApplied(Block block, AppliedBlockInfo info) {}

  /** {@code block} was reverted; the tip is now its predecessor. */
  default void blockReverted(Block block) {}
}
