package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wallets read from a base view and changed while applying one block; the base is never written.
 * Lookups see the block's own earlier changes.
 */
final class ChangeSet implements WalletLookup {
  private final WalletLookup base;
  private final int pubKeyHash;
  private final Map<String, Wallet> changed = new LinkedHashMap<>();
  private final Map<String, String> addressByKey = new HashMap<>();
  private final Map<String, String> addressByUsername = new HashMap<>();

  ChangeSet(WalletLookup base, int pubKeyHash) {
    this.base = base;
    this.pubKeyHash = pubKeyHash;
  }

  @Override
  public Optional<Wallet> byAddress(String address) {
    Wallet own = changed.get(address);
    return own != null ? Optional.of(own) : base.byAddress(address);
  }

  @Override
  public Optional<Wallet> byPublicKey(String publicKey) {
    String address = addressByKey.get(publicKey);
    return address != null ? byAddress(address) : base.byPublicKey(publicKey);
  }

  @Override
  public Optional<Wallet> byUsername(String username) {
    String address = addressByUsername.get(username);
    return address != null ? byAddress(address) : base.byUsername(username);
  }

  /** The wallet of {@code publicKey}, created (with the key attached) when it does not exist. */
  Wallet walletOfKey(String publicKey) {
    Wallet wallet =
        byPublicKey(publicKey)
            .orElseGet(
                () -> {
                  String address = Address.fromPublicKey(Hex.decodeOrThrow(publicKey), pubKeyHash);
                  return byAddress(address).orElseGet(() -> Wallet.empty(address));
                });
    return wallet.publicKey() == null ? wallet.withPublicKey(publicKey) : wallet;
  }

  Wallet walletOfAddress(String address) {
    return byAddress(address).orElseGet(() -> Wallet.empty(address));
  }

  void put(Wallet wallet) {
    changed.put(wallet.address(), wallet);
    if (wallet.publicKey() != null) {
      addressByKey.put(wallet.publicKey(), wallet.address());
    }
    if (wallet.delegate() != null) {
      addressByUsername.put(wallet.delegate().username(), wallet.address());
    }
  }

  StateChanges changes() {
    return new StateChanges(new ArrayList<>(changed.values()));
  }
}
