package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;

/** Delegate registration: a unique username, once per wallet, not for multi-signature wallets. */
final class DelegateRegistrationHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.DELEGATE_REGISTRATION;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    String username = ((Asset.DelegateRegistration) tx.asset()).username();
    if (sender.multiSignature() != null) {
      throw reject(
          Rejection.MULTI_SIGNATURE_WALLET,
          tx,
          "multi-signature wallets cannot register as delegates");
    }
    if (username.isEmpty()) {
      throw reject(Rejection.NOT_DELEGATE, tx, "a delegate registration needs a username");
    }
    if (sender.isDelegate()) {
      throw reject(
          Rejection.ALREADY_DELEGATE,
          tx,
          "the wallet is already the delegate " + sender.delegate().username());
    }
    if (wallets.byUsername(username).isPresent()) {
      throw reject(
          Rejection.USERNAME_TAKEN, tx, "the username " + username + " is already registered");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    String username = ((Asset.DelegateRegistration) tx.asset()).username();
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.withDelegate(DelegateAttributes.registered(username)));
  }
}
