package com.osmosecollective.node.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses a round's delegates as ARK Core 3.9 does ({@code dpos.ts buildDelegateRanking} and {@code
 * setDelegatesRound}): resigned delegates drop out, the rest are ranked by {@link
 * DelegateCandidate#RANKING}, and the first {@code activeDelegates} form the round.
 */
public final class ActiveDelegateSelector {
  private ActiveDelegateSelector() {}

  /** All non-resigned delegates in rank order (rank = index + 1). */
  public static List<DelegateCandidate> rank(Collection<DelegateCandidate> delegates) {
    Set<String> seen = new HashSet<>();
    List<DelegateCandidate> ranked = new ArrayList<>(delegates.size());
    for (DelegateCandidate delegate : delegates) {
      // ARK treats one delegate appearing twice as a fatal state error; so do we.
      if (!seen.add(delegate.publicKey())) {
        throw new IllegalStateException(
            "delegate " + delegate.publicKey() + " appears twice in the ranking");
      }
      if (!delegate.resigned()) {
        ranked.add(delegate);
      }
    }
    ranked.sort(DelegateCandidate.RANKING);
    return List.copyOf(ranked);
  }

  /**
   * The delegates of a round, in rank order.
   *
   * @throws IllegalStateException when fewer than {@code activeDelegates} remain, which ARK treats
   *     as a fatal problem with the genesis block and delegates
   */
  public static List<DelegateCandidate> select(
      Collection<DelegateCandidate> delegates, int activeDelegates) {
    List<DelegateCandidate> ranked = rank(delegates);
    if (ranked.size() < activeDelegates) {
      throw new IllegalStateException(
          "expected "
              + activeDelegates
              + " active delegates but only "
              + ranked.size()
              + " registered, non-resigned delegates exist");
    }
    return ranked.subList(0, activeDelegates);
  }
}
