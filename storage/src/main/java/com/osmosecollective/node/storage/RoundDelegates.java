package com.osmosecollective.node.storage;

import java.util.List;

/**
 * The active delegates of a round in rank order (vote balance descending, public key ascending),
 * before the forging-order shuffle, which consensus recomputes from this list.
 */
public record RoundDelegates(long round, List<RoundDelegate> delegates) {
  public RoundDelegates {
    delegates = List.copyOf(delegates);
    if (round < 1) {
      throw new IllegalArgumentException("round must be >= 1: " + round);
    }
  }
}
