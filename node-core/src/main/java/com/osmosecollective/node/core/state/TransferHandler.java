package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/** Transfer: the recipient receives the amount. */
final class TransferHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.TRANSFER;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx) {
    // nothing beyond the generic checks; the recipient's network is checked by the decoder
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    String address = Rejections.address(((Asset.Transfer) tx.asset()).recipient());
    wallets.put(wallets.byAddress(address).plusBalance(tx.amount()));
  }
}
