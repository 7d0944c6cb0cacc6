package com.osmosecollective.node.funding.chain;

import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.Optional;

/** Finds a delegate's wallet by username, address or public key, as ARK's {@code {id}} does. */
public final class Delegates {
  private final ChainQueries queries;

  public Delegates(ChainQueries queries) {
    this.queries = queries;
  }

  /** The delegate named by {@code id}, or empty when no delegate has it. */
  public Optional<Wallet> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 66) {
      return Optional.empty();
    }
    Optional<Wallet> wallet;
    if (Hex.isHex(id, 66)) {
      wallet = queries.walletByPublicKey(id.toLowerCase(java.util.Locale.ROOT));
    } else if (id.length() == 34) {
      wallet = queries.wallet(id);
    } else {
      wallet = queries.walletByUsername(id);
    }
    return wallet.filter(w -> w.isDelegate() && w.publicKey() != null);
  }
}
