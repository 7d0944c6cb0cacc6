package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-state invariants over a set of wallets (tests, {@code db check}, devnet start-up): the
 * total supply held (balances plus locked HTLC funds), negative balances, and vote balances equal
 * to the weight of their voters (spec §4.5).
 */
public final class SupplyCheck {
  private SupplyCheck() {}

  /** Σ (balance + locked) over the wallets. */
  public static long totalSupply(Collection<Wallet> wallets) {
    long total = 0;
    for (Wallet wallet : wallets) {
      total = Math.addExact(total, wallet.votingWeight());
    }
    return total;
  }

  /** Addresses whose balance is negative. */
  public static List<String> negativeBalances(Collection<Wallet> wallets) {
    List<String> negative = new ArrayList<>();
    for (Wallet wallet : wallets) {
      if (wallet.balance() < 0) {
        negative.add(wallet.address());
      }
    }
    return negative;
  }

  /**
   * Delegates whose vote balance differs from the sum of their voters' weights: public key to the
   * expected balance. Empty when the bookkeeping is exact.
   */
  public static Map<String, Long> voteBalanceMismatches(Collection<Wallet> wallets) {
    Map<String, Long> expected = new HashMap<>();
    for (Wallet wallet : wallets) {
      if (wallet.vote() != null) {
        expected.merge(wallet.vote(), wallet.votingWeight(), Math::addExact);
      }
    }
    Map<String, Long> mismatches = new HashMap<>();
    for (Wallet wallet : wallets) {
      if (wallet.delegate() != null && wallet.publicKey() != null) {
        long want = expected.getOrDefault(wallet.publicKey(), 0L);
        if (wallet.delegate().voteBalance() != want) {
          mismatches.put(wallet.publicKey(), want);
        }
      }
    }
    return mismatches;
  }
}
