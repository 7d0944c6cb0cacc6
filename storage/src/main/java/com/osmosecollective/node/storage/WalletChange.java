package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Objects;

/** The new state of one wallet after a block: its new value, or its deletion (value null). */
public record WalletChange(String address, Wallet value) {
  public WalletChange {
    Objects.requireNonNull(address, "address");
    if (value != null && !value.address().equals(address)) {
      throw new IllegalArgumentException(
          "wallet change for " + address + " holds " + value.address());
    }
  }

  public static WalletChange put(Wallet wallet) {
    return new WalletChange(wallet.address(), wallet);
  }

  public static WalletChange delete(String address) {
    return new WalletChange(address, null);
  }

  public boolean isDeletion() {
    return value == null;
  }
}
