package com.osmosecollective.node.config;

import java.util.Arrays;
import java.util.List;

/** The milestone schedule of a network: rules looked up by height, never hard-coded. */
public final class Milestones {
  private final Milestone[] byHeight;

  public Milestones(List<Milestone> merged) {
    if (merged.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one milestone");
    }
    this.byHeight = merged.toArray(Milestone[]::new);
    for (int i = 1; i < byHeight.length; i++) {
      if (byHeight[i].height() <= byHeight[i - 1].height()) {
        throw new IllegalArgumentException("milestones must be sorted by strictly rising height");
      }
    }
  }

  /**
   * The milestone in force at {@code height}: the last one whose height is ≤ it (else the first).
   */
  public Milestone at(long height) {
    int lo = 0;
    int hi = byHeight.length - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (byHeight[mid].height() <= height) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return byHeight[found];
  }

  public Milestone first() {
    return byHeight[0];
  }

  public Milestone last() {
    return byHeight[byHeight.length - 1];
  }

  public List<Milestone> all() {
    return Arrays.asList(byHeight.clone());
  }
}
