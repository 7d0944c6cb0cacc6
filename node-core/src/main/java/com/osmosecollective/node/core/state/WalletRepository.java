package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Collection;
import java.util.Optional;

/**
 * A view of the wallet state (ARK's wallet repository, spec §4.1). Wallets are immutable values: a
 * change is a {@link #put} of the new value. Lookups never fail: an unknown address is an empty
 * wallet. Implementations are not thread-safe; the chain thread and the pool each use their own.
 */
public interface WalletRepository {

  /** The network byte addresses are derived with. */
  int pubKeyHash();

  /** The wallet at {@code address}, or an empty wallet when the address was never seen. */
  Wallet byAddress(String address);

  /**
   * The wallet of a public key (66 lowercase hex), with the key attached as ARK does on a lookup by
   * key. The attached key is part of the returned value only; it is stored on the next {@link #put}
   * of that wallet.
   */
  Wallet byPublicKey(String publicKeyHex);

  /** The address of a public key on this network (cached: derivation costs two hashes). */
  String addressOf(String publicKeyHex);

  /** The delegate registered under {@code username}, resigned or not. */
  Optional<Wallet> byUsername(String username);

  /** The wallet holding the open HTLC lock created by transaction {@code lockId}. */
  Optional<Wallet> htlcLockOwner(String lockId);

  /** The wallet that registered this IPFS hash (base58 text, as in ARK's asset). */
  Optional<Wallet> ipfsHashOwner(String hash);

  /** Every registered delegate, resigned ones included, in no particular order. */
  Collection<Wallet> delegates();

  /** Stores the new value of a wallet, replacing the one at its address. */
  void put(Wallet wallet);
}
