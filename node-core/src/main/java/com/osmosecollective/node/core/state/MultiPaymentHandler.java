package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.osm;
import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/** Multi-payment: the sender pays the sum of the payments (the amount field is 0) plus the fee. */
final class MultiPaymentHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.MULTI_PAYMENT;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    long payments;
    try {
      payments = tx.totalAmountMoved();
    } catch (ArithmeticException e) {
      throw reject(Rejection.INSUFFICIENT_BALANCE, tx, "the payments add up beyond any balance");
    }
    long needed = SenderRules.total(tx, payments);
    if (sender.balance() < needed) {
      throw reject(
          Rejection.INSUFFICIENT_BALANCE,
          tx,
          "insufficient balance: needs " + osm(needed) + ", has " + osm(sender.balance()));
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.plusBalance(-tx.totalAmountMoved()));
    for (Asset.Payment payment : ((Asset.MultiPayment) tx.asset()).payments()) {
      String address = Rejections.address(payment.recipient());
      wallets.put(wallets.byAddress(address).plusBalance(payment.amount()));
    }
  }
}
