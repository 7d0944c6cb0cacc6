package com.osmosecollective.node.funding.payout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Heights {@code from..to}, inclusive. */
public record HeightRange(long from, long to) {
  public HeightRange {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("height range " + from + "-" + to);
    }
  }

  /** The parts of {@code range} that none of {@code covered} includes, ascending. */
  public static List<HeightRange> minus(HeightRange range, List<HeightRange> covered) {
    List<HeightRange> sorted = new ArrayList<>(covered);
    sorted.sort(Comparator.comparingLong(HeightRange::from));
    List<HeightRange> out = new ArrayList<>();
    long next = range.from;
    for (HeightRange c : sorted) {
      if (c.to < next || c.from > range.to) {
        continue;
      }
      if (c.from > next) {
        out.add(new HeightRange(next, c.from - 1));
      }
      next = Math.max(next, c.to + 1);
      if (next > range.to) {
        return out;
      }
    }
    out.add(new HeightRange(next, range.to));
    return out;
  }

  public boolean contains(HeightRange other) {
    return other.from >= from && other.to <= to;
  }

  public boolean overlaps(HeightRange other) {
    return other.from <= to && other.to >= from;
  }
}
