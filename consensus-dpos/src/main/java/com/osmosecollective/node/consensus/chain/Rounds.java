package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.consensus.ActiveDelegateSelector;
import com.osmosecollective.node.consensus.DelegateCandidate;
import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.RoundDelegates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /** Whether block {@code height} is the genesis block or the last block of a round. */
  boolean endsRound(long height) {
    return height == 1 || calculator.isNewRound(height + 1);
  }

  /**
   * The set to commit with block {@code height} ({@code round(height + 1)}) when the block ends a
   * round (or is the genesis block), else null. As ARK does at that moment ({@code
   * buildDelegateRanking}, {@code setDelegatesRound}), it writes into {@code after}, the state
   * after the block: every non-resigned delegate's {@code rank}, the chosen delegates' {@code
   * round}, and no rank for resigned delegates. Only wallets whose rank or round changes are put,
   * so they join the block's commit and its undo record.
   */
  RoundDelegates afterBlock(long height, WalletRepository after) {
    if (!endsRound(height)) {
      return null;
    }
    long round = calculator.roundOf(height + 1).round();
    int active = milestones.at(height + 1).activeDelegates();
    Map<String, Wallet> byKey = new HashMap<>();
    List<DelegateCandidate> candidates = new ArrayList<>();
    for (Wallet w : after.delegates()) {
      if (w.publicKey() != null) {
        byKey.put(w.publicKey(), w);
        candidates.add(
            new DelegateCandidate(
                w.publicKey(), w.delegate().voteBalance(), w.delegate().resigned()));
      }
    }
    List<DelegateCandidate> ranked = ActiveDelegateSelector.rank(candidates);
    List<DelegateCandidate> chosen = ActiveDelegateSelector.select(ranked, active);
    for (DelegateCandidate candidate : candidates) {
      if (candidate.resigned()) {
        Wallet w = byKey.get(candidate.publicKey());
        putIfChanged(after, w, 0, w.delegate().round());
      }
    }
    for (int i = 0; i < ranked.size(); i++) {
      Wallet w = byKey.get(ranked.get(i).publicKey());
      putIfChanged(after, w, i + 1, i < active ? round : w.delegate().round());
    }
    return new RoundDelegates(
        round,
        chosen.stream().map(d -> new RoundDelegate(d.publicKey(), d.voteBalance())).toList());
  }

  private static void putIfChanged(WalletRepository wallets, Wallet w, int rank, long round) {
    DelegateAttributes d = w.delegate();
    if (d.rank() != rank || d.round() != round) {
      wallets.put(w.withDelegate(d.withRank(rank, round)));
    }
  }

  /**
   * The delegates of the round that block {@code height} ends that forged none of its blocks (ARK's
   * {@code round.missed}), in forging order; read once the block is in storage.
   */
  List<String> withoutBlockInRound(long height) {
    long first = calculator.roundOf(height).roundHeight();
    Set<String> forged = new HashSet<>();
    for (long h = first; h <= height; h++) {
      queries.block(h).ifPresent(block -> forged.add(block.generatorPublicKey()));
    }
    return forgingOrder(height).stream().filter(key -> !forged.contains(key)).toList();
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
