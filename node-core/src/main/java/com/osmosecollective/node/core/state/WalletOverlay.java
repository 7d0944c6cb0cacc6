package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A copy-on-write layer over another repository: reads fall through to the base until a wallet is
 * put here; the base is never written. The chain thread lays one over the persisted state per block
 * and hands {@link #changes()} to storage; the pool lays one over the chain state.
 */
public final class WalletOverlay implements WalletRepository {
  private final WalletRepository base;
  private final Map<String, Wallet> changes = new LinkedHashMap<>();
  private final WalletIndex index = new WalletIndex();

  public WalletOverlay(WalletRepository base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  public WalletRepository base() {
    return base;
  }

  /** Every wallet put since creation (or the last discard), by address, in first-change order. */
  public Map<String, Wallet> changes() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** Forgets every change: reads see the base again. */
  public void discard() {
    changes.clear();
    index.clear();
  }

  /** Writes every change into the base (in first-change order) and empties this overlay. */
  public void flush() {
    changes.values().forEach(base::put);
    discard();
  }

  @Override
  public int pubKeyHash() {
    return base.pubKeyHash();
  }

  @Override
  public Wallet byAddress(String address) {
    Wallet changed = changes.get(address);
    return changed != null ? changed : base.byAddress(address);
  }

  @Override
  public Wallet byPublicKey(String publicKeyHex) {
    Wallet changed = changes.get(addressOf(publicKeyHex));
    if (changed == null) {
      return base.byPublicKey(publicKeyHex);
    }
    return changed.publicKey() != null ? changed : changed.withPublicKey(publicKeyHex);
  }

  @Override
  public String addressOf(String publicKeyHex) {
    return base.addressOf(publicKeyHex);
  }

  @Override
  public Optional<Wallet> byUsername(String username) {
    Optional<String> here = index.username(username);
    if (here.isPresent()) {
      return here.map(changes::get);
    }
    return current(base.byUsername(username))
        .filter(w -> w.delegate() != null && w.delegate().username().equals(username));
  }

  @Override
  public Optional<Wallet> htlcLockOwner(String lockId) {
    Optional<String> here = index.lock(lockId);
    if (here.isPresent()) {
      return here.map(changes::get);
    }
    return current(base.htlcLockOwner(lockId)).filter(w -> w.htlcLocks().containsKey(lockId));
  }

  @Override
  public Optional<Wallet> ipfsHashOwner(String hash) {
    Optional<String> here = index.ipfs(hash);
    if (here.isPresent()) {
      return here.map(changes::get);
    }
    return current(base.ipfsHashOwner(hash)).filter(w -> w.ipfsHashes().contains(hash));
  }

  @Override
  public Collection<Wallet> delegates() {
    Map<String, Wallet> all = new HashMap<>();
    for (Wallet wallet : base.delegates()) {
      Wallet now = byAddress(wallet.address());
      if (now.delegate() != null) {
        all.put(now.address(), now);
      }
    }
    for (String address : index.delegateAddresses()) {
      all.put(address, changes.get(address));
    }
    return all.values();
  }

  @Override
  public void put(Wallet wallet) {
    Objects.requireNonNull(wallet, "wallet");
    Wallet old = changes.put(wallet.address(), wallet);
    index.update(old, wallet);
  }

  /** A base wallet replaced by its changed value when this overlay changed it. */
  private Optional<Wallet> current(Optional<Wallet> fromBase) {
    return fromBase.map(w -> changes.getOrDefault(w.address(), w));
  }
}
