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
}
