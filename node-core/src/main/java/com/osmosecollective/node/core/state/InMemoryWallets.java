package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole wallet state in a map: tests, devnet bootstrap and genesis application. Wallets equal
 * to an empty wallet are still kept once put (ARK keeps every wallet it has seen).
 */
public final class InMemoryWallets implements WalletRepository {
  private final AddressCache addresses;
  private final Map<String, Wallet> wallets = new HashMap<>();
  private final WalletIndex index = new WalletIndex();

  public InMemoryWallets(int pubKeyHash) {
    this.addresses = new AddressCache(pubKeyHash);
  }

  @Override
  public int pubKeyHash() {
    return addresses.pubKeyHash();
  }

  @Override
  public Wallet byAddress(String address) {
    Wallet wallet = wallets.get(address);
    return wallet != null ? wallet : Wallet.empty(address);
  }

  @Override
  public Wallet byPublicKey(String publicKeyHex) {
    Wallet wallet = byAddress(addressOf(publicKeyHex));
    return wallet.publicKey() != null ? wallet : wallet.withPublicKey(publicKeyHex);
  }

  @Override
  public String addressOf(String publicKeyHex) {
    return addresses.addressOf(publicKeyHex);
  }

  @Override
  public Optional<Wallet> byUsername(String username) {
    return index.username(username).map(wallets::get);
  }

  @Override
  public Optional<Wallet> htlcLockOwner(String lockId) {
    return index.lock(lockId).map(wallets::get);
  }

  @Override
  public Optional<Wallet> ipfsHashOwner(String hash) {
    return index.ipfs(hash).map(wallets::get);
  }

  @Override
  public Collection<Wallet> delegates() {
    List<Wallet> list = new ArrayList<>(index.delegateAddresses().size());
    for (String address : index.delegateAddresses()) {
      list.add(wallets.get(address));
    }
    return list;
  }

  @Override
  public void put(Wallet wallet) {
    Objects.requireNonNull(wallet, "wallet");
    Wallet old = wallets.put(wallet.address(), wallet);
    index.update(old, wallet);
  }

  /** Every wallet stored, keyed by address (read-only view). */
  public Map<String, Wallet> all() {
    return Collections.unmodifiableMap(wallets);
  }

  /** A copy with the same wallets, independent of this one. */
  public InMemoryWallets copy() {
    InMemoryWallets copy = new InMemoryWallets(pubKeyHash());
    wallets.values().forEach(copy::put);
    return copy;
  }
}
