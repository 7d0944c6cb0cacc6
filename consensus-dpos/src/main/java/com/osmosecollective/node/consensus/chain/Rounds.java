package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.consensus.ActiveDelegateSelector;
import com.osmosecollective.node.consensus.DelegateCandidate;
import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.RoundDelegates;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rounds as the chain keeps them (spec §2.2, §2.6): after the last block of a round the next
 * round's active set is chosen from vote balances and committed with that block; a round's forging
 * order is the ARK shuffle of its persisted set. Reverting the last block of a round deletes the
 * next round through the block's undo record, so the persisted rounds always match the tip.
 */
final class Rounds {
  private final Milestones milestones;
  private final RoundCalculator calculator;
  private final ChainQueries queries;
  private long cachedRound = -1;
  private List<String> cachedOrder = List.of();

  Rounds(Milestones milestones, ChainQueries queries) {
    this.milestones = milestones;
    this.calculator = new RoundCalculator(milestones);
    this.queries = queries;
  }

  RoundCalculator calculator() {
    return calculator;
  }

  /**
   * The set to commit with block {@code height}: round {@code round(height + 1)} when the block
   * ends a round (or is the genesis block), else null.
   */
  /** Whether block {@code height} is the genesis block or the last block of a round. */
  boolean endsRound(long height) {
    return height == 1 || calculator.isNewRound(height + 1);
  }

  RoundDelegates afterBlock(long height, Collection<Wallet> delegateWallets) {
    if (!endsRound(height)) {
      return null;
    }
    long round = calculator.roundOf(height + 1).round();
    int active = milestones.at(height + 1).activeDelegates();
    List<DelegateCandidate> delegates =
        delegateWallets.stream()
            .filter(w -> w.delegate() != null && w.publicKey() != null)
            .map(
                w ->
                    new DelegateCandidate(
                        w.publicKey(), w.delegate().voteBalance(), w.delegate().resigned()))
            .toList();
    List<RoundDelegate> chosen =
        ActiveDelegateSelector.select(delegates, active).stream()
            .map(d -> new RoundDelegate(d.publicKey(), d.voteBalance()))
            .toList();
    return new RoundDelegates(round, chosen);
  }

  /** The forging order (public keys) of the round of {@code height}, empty if not persisted. */
  List<String> forgingOrder(long height) {
    long round = calculator.roundOf(height).round();
    if (round != cachedRound) {
      Optional<List<RoundDelegate>> persisted = queries.round(round);
      if (persisted.isEmpty()) {
        return List.of();
      }
      List<String> ranked = persisted.get().stream().map(RoundDelegate::publicKey).toList();
      cachedOrder = DelegateShuffle.forgingOrder(round, ranked);
      cachedRound = round;
    }
    return cachedOrder;
  }

  /** Forgets the cached order (after a revert the persisted round may be gone). */
  void invalidate() {
    cachedRound = -1;
    cachedOrder = List.of();
  }
}
