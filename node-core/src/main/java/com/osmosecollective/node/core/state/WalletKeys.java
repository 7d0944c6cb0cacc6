package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;

/** The keys a wallet's transactions are verified with (second key, multi-signature asset). */
public final class WalletKeys {
  private WalletKeys() {}

  /**
   * A legacy (version 1) multi-signature counts as none: such wallets cannot send (the state
   * handlers refuse them with their own error).
   */
  public static SenderKeys of(Wallet wallet) {
    Bytes second = null;
    if (wallet.secondPublicKey() != null) {
      try {
        second = Bytes.fromHex(wallet.secondPublicKey());
      } catch (DecodeException e) {
        throw new IllegalStateException("stored second public key is not hex", e);
      }
    }
    MultiSignature multi = wallet.multiSignature();
    return SenderKeys.of(
        second, multi == null || multi.legacy() ? null : SenderRules.toAsset(multi));
  }
}
