package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Optional;

/** Read access to committed wallets, by the three keys ARK's wallet repository indexes. */
public interface WalletLookup {
  Optional<Wallet> byAddress(String address);

  /**
   * @param publicKey lowercase hex, 33 bytes compressed
   */
  Optional<Wallet> byPublicKey(String publicKey);

  Optional<Wallet> byUsername(String username);
}
