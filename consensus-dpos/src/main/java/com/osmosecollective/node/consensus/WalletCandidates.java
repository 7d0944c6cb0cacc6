package com.osmosecollective.node.consensus;

import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;

/** The registered delegates of a wallet state as active-set candidates (resigned ones flagged). */
public final class WalletCandidates {
  private WalletCandidates() {}

  public static List<DelegateCandidate> from(WalletRepository wallets) {
    List<DelegateCandidate> candidates = new ArrayList<>();
    for (Wallet wallet : wallets.delegates()) {
      candidates.add(
          new DelegateCandidate(
              wallet.publicKey(), wallet.delegate().voteBalance(), wallet.delegate().resigned()));
    }
    return candidates;
  }
}
