package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestones;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * ARK's heuristic for suspecting a fork from missed slots ({@code blockchain.ts
 * checkMissingBlocks}): every missed slot counts; once the count reaches {@code activeDelegates / 3
 * - 1} (16 for 51) and a random draw in [0, 1) is at most 0.8, the count restarts and, unless a
 * check ran less than 10 minutes ago, the network health (fork) check is due. A new round restarts
 * the count. Node-local and in memory only, like ARK. Confined to the chain's listener thread.
 */
public final class MissedBlocksForkCheck {
  /** ARK runs the network health check at most this often from here. */
  public static final long MINIMUM_CHECK_INTERVAL_MILLIS = 10 * 60 * 1000;

  private static final double PROBABILITY = 0.8;

  private final Milestones milestones;
  private final DoubleSupplier random;
  private final LongSupplier clockMillis;
  private int missed;
  private long lastCheckMillis;

  /**
   * @param random draws in [0, 1) ({@code Math::random} in production)
   * @param clockMillis wall-clock milliseconds
   */
  public MissedBlocksForkCheck(
      Milestones milestones, DoubleSupplier random, LongSupplier clockMillis) {
    this.milestones = milestones;
    this.random = random;
    this.clockMillis = clockMillis;
  }

  /**
   * Counts one missed slot seen when applying the block at {@code height}; true when the fork check
   * should run now.
   */
  public boolean onMissedSlot(long height) {
    missed++;
    // JavaScript division: 51 / 3 - 1 = 16, but 10 / 3 - 1 = 2.33 needs 3 misses
    double threshold = milestones.at(height).activeDelegates() / 3.0 - 1;
    if (missed < threshold || random.getAsDouble() > PROBABILITY) {
      return false;
    }
    missed = 0;
    long now = clockMillis.getAsLong();
    if (now - lastCheckMillis < MINIMUM_CHECK_INTERVAL_MILLIS) {
      return false;
    }
    lastCheckMillis = now;
    return true;
  }

  /** A new round started (ARK's {@code round.applied}). */
  public void onNewRound() {
    missed = 0;
  }

  /** The missed slots counted since the last restart. */
  public int missedSinceReset() {
    return missed;
  }
}
