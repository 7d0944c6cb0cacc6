package com.osmosecollective.node.app;

import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.core.block.Block;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a replay's applied blocks and transactions on the chain thread and logs a progress line
 * (height, blocks/s and tx/s since the last line, ETA at that rate) at most every {@code
 * intervalNanos}. Snapshot export and verification feed it through {@link #advance}.
 */
final class ReplayProgress implements ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger("osmose.replay");

  private final String label;
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
    this("replay", targetHeight, intervalNanos, nanoTime);
  }

  /**
   * @param label the first word of each progress line ("replay", "import")
   */
  ReplayProgress(String label, long targetHeight, long intervalNanos, LongSupplier nanoTime) {
    this.label = label;
    this.targetHeight = targetHeight;
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastNanos = startNanos;
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    advance(block.height(), block.transactions().size());
  }

  /** One more block done at {@code blockHeight} (also for work that applies no block). */
  void advance(long blockHeight, int transactionCount) {
    blocks++;
    transactions += transactionCount;
    height = blockHeight;
    long now = nanoTime.getAsLong();
    if (now - lastNanos >= intervalNanos) {
      double seconds = (now - lastNanos) / 1e9;
      double rate = (blocks - blocksAtLast) / seconds;
      LOG.info(
          "{} at height {} of {}: {} blocks/s, {} tx/s, ETA {}",
          label,
          blockHeight,
          targetHeight,
          Math.round(rate),
          Math.round((transactions - transactionsAtLast) / seconds),
          eta(targetHeight - blockHeight, rate));
      lastNanos = now;
      blocksAtLast = blocks;
      transactionsAtLast = transactions;
    }
  }

  @Override
  public void blockReverted(Block block) {
    LOG.warn("replay: block {} reverted", block.height());
  }

  /** Remaining time at the last interval's rate: "0:42", "1:02:03", or "?" without a rate. */
  static String eta(long remainingBlocks, double blocksPerSecond) {
    if (remainingBlocks <= 0) {
      return "0:00";
    }
    if (!(blocksPerSecond > 0)) {
      return "?";
    }
    long seconds = (long) Math.ceil(remainingBlocks / blocksPerSecond);
    long hours = seconds / 3600;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
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
