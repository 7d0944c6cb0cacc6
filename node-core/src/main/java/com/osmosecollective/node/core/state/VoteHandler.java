package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * Vote, unvote, and (from aip37) a vote switch as two entries, processed in order. Unvoting a
 * resigned delegate is allowed; voting for one is not.
 */
final class VoteHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.VOTE;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    var votes = ((Asset.Vote) tx.asset()).votes();
    int allowed = ctx.milestone().aip37() ? 2 : 1;
    if (votes.isEmpty() || votes.size() > allowed) {
      throw reject(
          Rejection.INVALID_VOTE,
          tx,
          "a vote carries 1 to " + allowed + " entries at this height, not " + votes.size());
    }
    String current = sender.vote();
    for (Asset.VoteEntry entry : votes) {
      String key = entry.delegatePublicKey().hex();
      Wallet delegate = wallets.byPublicKey(key);
      if (entry.add()) {
        if (current != null) {
          throw reject(
              Rejection.ALREADY_VOTED,
              tx,
              "the wallet already votes for " + label(wallets, current));
        }
        if (delegate.isDelegate() && delegate.delegate().resigned()) {
          throw reject(
              Rejection.VOTED_FOR_RESIGNED_DELEGATE,
              tx,
              "the delegate " + delegate.delegate().username() + " has resigned");
        }
        current = key;
      } else {
        if (current == null) {
          throw reject(Rejection.NO_VOTE, tx, "the wallet has no vote to remove");
        }
        if (!current.equals(key)) {
          throw reject(
              Rejection.UNVOTE_MISMATCH,
              tx,
              "the wallet votes for " + label(wallets, current) + ", not " + key);
        }
        current = null;
      }
      if (!delegate.isDelegate()) {
        throw reject(Rejection.VOTED_FOR_NON_DELEGATE, tx, key + " is not a registered delegate");
      }
    }
  }

  private static String label(WalletRepository wallets, String key) {
    Wallet wallet = wallets.byPublicKey(key);
    return wallet.isDelegate() ? wallet.delegate().username() : key;
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    for (Asset.VoteEntry entry : ((Asset.Vote) tx.asset()).votes()) {
      sender = sender.withVote(entry.add() ? entry.delegatePublicKey().hex() : null);
    }
    wallets.put(sender);
  }
}
