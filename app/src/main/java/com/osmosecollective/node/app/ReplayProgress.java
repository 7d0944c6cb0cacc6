package com.osmosecollective.node.app;

import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.core.block.Block;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a replay's applied blocks and transactions on the chain thread and logs a progress line
 * (height, blocks/s and tx/s since the last line) at most every {@code intervalNanos}.
 */
final class ReplayProgress implements ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger("osmose.replay");

  private final long targetHeight;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private long lastNanos;
  private long blocks;
  private long transactions;
  private long blocksAtLast;
  private long transactionsAtLast;
  private volatile long height;

  ReplayProgress(long targetHeight, long intervalNanos, LongSupplier nanoTime) {
    this.targetHeight = targetHeight;
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastNanos = startNanos;
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    blocks++;
    transactions += block.transactions().size();
    height = block.height();
    long now = nanoTime.getAsLong();
    if (now - lastNanos >= intervalNanos) {
      double seconds = (now - lastNanos) / 1e9;
      LOG.info(
          "replay at height {} of {}: {} blocks/s, {} tx/s",
          block.height(),
          targetHeight,
          Math.round((blocks - blocksAtLast) / seconds),
          Math.round((transactions - transactionsAtLast) / seconds));
      lastNanos = now;
      blocksAtLast = blocks;
      transactionsAtLast = transactions;
    }
  }

  @Override
  public void blockReverted(Block block) {
    LOG.warn("replay: block {} reverted", block.height());
  }

  /** Totals since the start (read after the replay returned: the chain thread is idle). */
  Summary summary() {
    return new Summary(blocks, transactions, (nanoTime.getAsLong() - startNanos) / 1e9, height);
  }

  record Summary(long blocks, long transactions, double seconds, long height) {
    double blocksPerSecond() {
      return seconds > 0 ? blocks / seconds : 0;
    }

    double transactionsPerSecond() {
      return seconds > 0 ? transactions / seconds : 0;
    }
  }
}
