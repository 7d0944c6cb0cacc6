package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.DelegateCandidate;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered delegates with their vote balances as committed, kept in memory so a round's
 * active set can be chosen without scanning the database at every round end. Owned by the chain
 * thread: updated after each commit, reloaded after reverts.
 */
final class DelegateBook {
  private final Map<String, DelegateCandidate> byPublicKey = new HashMap<>();

  void reload(ChainQueries queries) {
    byPublicKey.clear();
    queries.forEachWallet(this::record);
  }

  void update(List<Wallet> changed) {
    changed.forEach(this::record);
  }

  /** The committed delegates with a block's not yet committed changes laid over them. */
  Collection<DelegateCandidate> with(List<Wallet> changed) {
    Map<String, DelegateCandidate> view = new HashMap<>(byPublicKey);
    for (Wallet wallet : changed) {
      DelegateCandidate candidate = candidate(wallet);
      if (candidate != null) {
        view.put(candidate.publicKey(), candidate);
      }
    }
    return view.values();
  }

  private void record(Wallet wallet) {
    DelegateCandidate candidate = candidate(wallet);
    if (candidate != null) {
      byPublicKey.put(candidate.publicKey(), candidate);
    }
  }

  private static DelegateCandidate candidate(Wallet wallet) {
    if (wallet.delegate() == null || wallet.publicKey() == null) {
      return null;
    }
    return new DelegateCandidate(
        wallet.publicKey(), wallet.delegate().voteBalance(), wallet.delegate().resigned());
  }
}
