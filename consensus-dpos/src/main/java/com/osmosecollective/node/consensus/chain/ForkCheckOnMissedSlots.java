package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.MissedBlocksForkCheck;
import com.osmosecollective.node.core.block.Block;

/**
 * Feeds the chain's missed slots to {@link MissedBlocksForkCheck} and starts the fork check when it
 * is due (ARK {@code blockchain.ts}: {@code forger.missing} events, reset on {@code
 * round.applied}). P2P provides the fork check (network health, spec §3.6); it must hand the work
 * to its own thread, as this runs on the chain thread.
 */
public final class ForkCheckOnMissedSlots implements ChainListener {
  private final MissedBlocksForkCheck check;
  private final Runnable forkCheck;

  public ForkCheckOnMissedSlots(MissedBlocksForkCheck check, Runnable forkCheck) {
    this.check = check;
    this.forkCheck = forkCheck;
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    // ARK reports a block's missed slots before it applies the block, and so before its round ends
    for (int i = 0; i < info.missedSlots().size(); i++) {
      if (check.onMissedSlot(block.height())) {
        forkCheck.run();
      }
    }
    if (info.newRound() != 0) {
      check.onNewRound();
    }
  }
}
