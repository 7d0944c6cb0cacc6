package com.osmosecollective.node.consensus;

import java.util.Map;

/**
 * The timestamp (epoch time) of the block at a height, as ARK's {@code getBlockTimeLookup}. Slot
 * math only asks for height 1 and for the heights around milestones that change {@code blocktime}
 * or {@code activeDelegates}; on networks that never change them only height 1 is asked for.
 */
@FunctionalInterface
public interface BlockTimestampLookup {

  long timestampOf(long height);

  /**
   * Knows only the genesis block, whose timestamp is always 0. Enough without blocktime changes.
   */
  static BlockTimestampLookup genesisOnly() {
    return of(Map.of());
  }

  /** A fixed table of heights to timestamps, plus height 1 at timestamp 0. */
  static BlockTimestampLookup of(Map<Long, Long> timestamps) {
    Map<Long, Long> copy = Map.copyOf(timestamps);
    return height -> {
      if (height == 1) {
        return 0;
      }
      Long found = copy.get(height);
      if (found == null) {
        throw new IllegalStateException(
            "no block timestamp known for height " + height + " (needed for slot spans)");
      }
      return found;
    };
  }
}
