package com.osmosecollective.node.consensus;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which of two chains that part after a common block is kept when the peers are evenly split
 * between them (spec §3.6 leaves that case open: ARK rolls back only when the forked peers
 * outnumber the agreeing ones plus us, so two forgers alone, or any exact split, stay on their
 * forks forever). The rule looks only at the first block of each branch, the block at the common
 * height + 1, which both sides see alike whatever their tips do meanwhile, so the two sides always
 * reach the opposite verdicts and exactly one of them gives way.
 *
 * <p>It follows ARK Core 3's own rule for two blocks at one height ({@code unchained-handler.ts}: a
 * block at our tip's height with another id and a timestamp not before ours, from the delegate of
 * its slot, makes ARK roll its own block back): the block of the <b>later slot</b> wins, so a mixed
 * network of ARK and osmose nodes settles on the same branch. Two blocks of one slot (one delegate
 * signing twice, SV-005) are ordered by id, the lower one winning (decimal legacy ids by value,
 * 64-hex ids as text), where ARK would let both sides roll back.
 */
public final class ForkTieBreak {
  /** The first block of a branch: its slot's timestamp and its id. */
  public record BranchStart(long timestamp, String id) {
    public BranchStart {
      Objects.requireNonNull(id, "id");
    }
  }

  private static final Comparator<String> IDS =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private ForkTieBreak() {}

  /** True when the other branch, starting with {@code theirs}, is to be kept over ours. */
  public static boolean theirsWins(BranchStart ours, BranchStart theirs) {
    if (ours.id().equals(theirs.id())) {
      return false; // not two branches
    }
    if (theirs.timestamp() != ours.timestamp()) {
      return theirs.timestamp() > ours.timestamp();
    }
    return IDS.compare(theirs.id(), ours.id()) < 0;
  }
}
