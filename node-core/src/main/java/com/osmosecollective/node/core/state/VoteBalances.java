package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * ARK's incremental vote-balance updates after a transaction (spec §4.5, {@code
 * updateVoteBalances}), including its quirks: an unvote first in the list also removes the fee, an
 * HTLC lock keeps the locked amount on the sender's delegate, and an HTLC claim adds the lock to
 * the claim sender's delegate (not the recipient's).
 */
final class VoteBalances {
  private VoteBalances() {}

  /** A claimed lock as it was before the claim, with its owner's address. */
  record ClaimedLock(String ownerAddress, HtlcLock lock) {}

  static void afterApply(Transaction tx, WalletRepository wallets, ClaimedLock claimed) {
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    if (tx.asset() instanceof Asset.Vote vote) {
      long stake = sender.votingWeight();
      for (int i = 0; i < vote.votes().size(); i++) {
        Asset.VoteEntry entry = vote.votes().get(i);
        long delta = entry.add() ? stake : -(i == 0 ? Math.addExact(stake, tx.fee()) : stake);
        adjust(wallets, entry.delegatePublicKey().hex(), delta);
      }
      return;
    }
    TransactionType type = tx.type();
    if (sender.vote() != null) {
      long delta =
          switch (type) {
            case HTLC_LOCK -> -tx.fee();
            case HTLC_CLAIM -> Math.subtractExact(claimed.lock().amount(), tx.fee());
            default -> -Math.addExact(tx.totalAmountMoved(), tx.fee());
          };
      adjust(wallets, sender.vote(), delta);
    }
    if (type == TransactionType.HTLC_CLAIM) {
      Wallet owner = wallets.byAddress(claimed.ownerAddress());
      if (owner.vote() != null) {
        adjust(wallets, owner.vote(), -claimed.lock().amount());
      }
    }
    if (tx.asset() instanceof Asset.MultiPayment payments) {
      for (Asset.Payment payment : payments.payments()) {
        credit(wallets, Rejections.address(payment.recipient()), payment.amount());
      }
    }
    if (tx.asset() instanceof Asset.Transfer transfer) {
      credit(wallets, Rejections.address(transfer.recipient()), tx.amount());
    }
  }

  private static void credit(WalletRepository wallets, String address, long amount) {
    Wallet recipient = wallets.byAddress(address);
    if (recipient.vote() != null) {
      adjust(wallets, recipient.vote(), amount);
    }
  }

  /** Adds {@code delta} to a delegate's vote balance. */
  static void adjust(WalletRepository wallets, String delegatePublicKey, long delta) {
    if (delta == 0) {
      return;
    }
    Wallet delegate = wallets.byPublicKey(delegatePublicKey);
    if (delegate.delegate() == null) {
      throw new IllegalStateException(
          "vote for a wallet that is not a delegate: " + delegatePublicKey);
    }
    long balance = Math.addExact(delegate.delegate().voteBalance(), delta);
    wallets.put(delegate.withDelegate(delegate.delegate().withVoteBalance(balance)));
  }
}
