package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * HTLC refund: after expiry, the lock returns to its owner minus the refund's fee. The sender's
 * balance does not change, only its nonce.
 */
final class HtlcRefundHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.HTLC_REFUND;
  }

  @Override
  public boolean debitsSender() {
    return false;
  }

  static String lockId(Transaction tx) {
    return ((Asset.HtlcRefund) tx.asset()).lockTransactionId().hex();
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    String lockId = lockId(tx);
    OpenLock open = OpenLock.named(tx, lockId, wallets);
    Wallet owner = open.owner();
    HtlcLock lock = open.lock();
    if (!HtlcExpiry.isExpired(lock, ctx)) {
      throw reject(
          Rejection.HTLC_LOCK_NOT_EXPIRED, tx, "the lock " + lockId + " has not expired yet");
    }
    if (Math.addExact(owner.balance(), lock.amount()) < tx.fee()) {
      throw reject(
          Rejection.INSUFFICIENT_BALANCE, tx, "the refund's fee exceeds the locked amount");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    String lockId = lockId(tx);
    Wallet owner = wallets.htlcLockOwner(lockId).orElseThrow();
    HtlcLock lock = owner.htlcLocks().get(lockId);
    wallets.put(
        owner.withoutHtlcLock(lockId).plusBalance(Math.subtractExact(lock.amount(), tx.fee())));
  }
}
