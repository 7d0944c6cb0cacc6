package com.osmosecollective.node.app;

import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.core.block.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per block forged, applied or reverted. */
final class BlockLog implements ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger("osmose.blocks");

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    LOG.info(
        "{} block height {} id {} by {} with {} transaction(s){}{}",
        info.forgedLocally() ? "forged" : "applied",
        block.height(),
        block.id(),
        info.generatorUsername(),
        block.transactions().size(),
        info.missedBy().isEmpty() ? "" : "; missed slots: " + String.join(", ", info.missedBy()),
        info.newRound() > 0 ? "; round " + info.newRound() + " starts next" : "");
  }

  @Override
  public void blockReverted(Block block) {
    LOG.info("reverted block height {} id {}", block.height(), block.id());
  }
}
