package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ARK's delegate ranking (spec §2.2): registered, non-resigned delegates by vote balance
 * descending, then public key ascending. Feeds consensus-dpos's active-set selection.
 */
public final class DelegateRanking {
  /** One ranked delegate; {@code rank} starts at 1. */
  public record Ranked(int rank, String publicKey, String username, long voteBalance) {}

  private static final Comparator<Wallet> ORDER =
      Comparator.<Wallet>comparingLong(w -> w.delegate().voteBalance())
          .reversed()
          .thenComparing(Wallet::publicKey);

  private DelegateRanking() {}

  /** Every non-resigned delegate, ranked. Delegates without a known public key are skipped. */
  public static List<Ranked> rank(WalletRepository wallets) {
    List<Wallet> delegates = new ArrayList<>();
    for (Wallet wallet : wallets.delegates()) {
      if (!wallet.delegate().resigned() && wallet.publicKey() != null) {
        delegates.add(wallet);
      }
    }
    delegates.sort(ORDER);
    List<Ranked> ranked = new ArrayList<>(delegates.size());
    for (int i = 0; i < delegates.size(); i++) {
      Wallet w = delegates.get(i);
      ranked.add(
          new Ranked(i + 1, w.publicKey(), w.delegate().username(), w.delegate().voteBalance()));
    }
    return ranked;
  }

  /**
   * ARK's round bookkeeping after the last block of a round (spec §2.2): every ranked delegate's
   * {@code rank} is set to its position, the first {@code activeDelegates} also get {@code round}
   * (the round about to start), resigned delegates lose their rank. Returns the active set, in rank
   * order (before the shuffle).
   *
   * @throws IllegalStateException when fewer than {@code activeDelegates} delegates can forge (ARK
   *     stops the node)
   */
  public static List<Ranked> assignRanks(
      WalletRepository wallets, long round, int activeDelegates) {
    List<Ranked> ranked = rank(wallets);
    if (ranked.size() < activeDelegates) {
      throw new IllegalStateException(
          "only " + ranked.size() + " delegates can forge, " + activeDelegates + " are needed");
    }
    for (Wallet wallet : wallets.delegates()) {
      if (wallet.delegate().resigned() && wallet.delegate().rank() != 0) {
        wallets.put(wallet.withDelegate(wallet.delegate().withRank(0, wallet.delegate().round())));
      }
    }
    for (Ranked r : ranked) {
      Wallet wallet = wallets.byPublicKey(r.publicKey());
      long newRound = r.rank() <= activeDelegates ? round : wallet.delegate().round();
      if (wallet.delegate().rank() != r.rank() || wallet.delegate().round() != newRound) {
        wallets.put(wallet.withDelegate(wallet.delegate().withRank(r.rank(), newRound)));
      }
    }
    return List.copyOf(ranked.subList(0, activeDelegates));
  }
}
