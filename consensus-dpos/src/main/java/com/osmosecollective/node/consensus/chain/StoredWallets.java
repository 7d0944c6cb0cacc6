package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.Optional;

/**
 * The committed wallets, read from the chain database. A block's changes are collected on top of
 * this view and only become visible here once the block is committed.
 */
public final class StoredWallets implements WalletLookup {
  private final ChainQueries queries;

  public StoredWallets(ChainQueries queries) {
    this.queries = queries;
  }

  @Override
  public Optional<Wallet> byAddress(String address) {
    return queries.wallet(address);
  }

  @Override
  public Optional<Wallet> byPublicKey(String publicKey) {
    return queries.walletByPublicKey(publicKey);
  }

  @Override
  public Optional<Wallet> byUsername(String username) {
    return queries.walletByUsername(username);
  }
}
