package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/** Second signature registration: the sender gets a second public key, once. */
final class SecondSignatureHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.SECOND_SIGNATURE;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    if (sender.secondPublicKey() != null) {
      throw reject(
          Rejection.SECOND_SIGNATURE_ALREADY_REGISTERED,
          tx,
          "the wallet already has a second public key");
    }
    if (sender.multiSignature() != null) {
      throw reject(
          Rejection.MULTI_SIGNATURE_WALLET,
          tx,
          "multi-signature wallets cannot register a second signature");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    String key = ((Asset.SecondSignature) tx.asset()).publicKey().hex();
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.withSecondPublicKey(key));
  }
}
