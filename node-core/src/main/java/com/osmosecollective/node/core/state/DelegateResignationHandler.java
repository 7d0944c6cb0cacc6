package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/** Delegate resignation: only while enough delegates remain to fill the active set. */
final class DelegateResignationHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.DELEGATE_RESIGNATION;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    if (!sender.isDelegate()) {
      throw reject(Rejection.NOT_DELEGATE, tx, "the wallet is not a delegate");
    }
    if (sender.delegate().resigned()) {
      throw reject(Rejection.ALREADY_RESIGNED, tx, "the delegate has already resigned");
    }
    long remaining = wallets.delegates().stream().filter(w -> !w.delegate().resigned()).count() - 1;
    if (remaining < ctx.activeDelegates()) {
      throw reject(
          Rejection.NOT_ENOUGH_DELEGATES,
          tx,
          "resigning would leave "
              + remaining
              + " delegates, "
              + ctx.activeDelegates()
              + " are needed");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.withDelegate(sender.delegate().withResigned(true)));
  }
}
