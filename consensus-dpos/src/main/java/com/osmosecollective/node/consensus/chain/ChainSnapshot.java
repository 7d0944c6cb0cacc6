package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;
import java.util.List;

/**
 * The committed chain as readers (forger, API) see it, replaced as a whole after each commit.
 *
 * @param lastBlock the tip
 * @param nextForgingOrder forging order (public keys) of the round of height {@code tip + 1}
 */
public record ChainSnapshot(Block lastBlock, List<String> nextForgingOrder) {
  public ChainSnapshot {
    nextForgingOrder = List.copyOf(nextForgingOrder);
  }

  public long height() {
    return lastBlock.height();
  }
}
