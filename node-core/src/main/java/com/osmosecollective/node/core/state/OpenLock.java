package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;

/** An open HTLC lock with the wallet that holds it, as claims and refunds look it up. */
record OpenLock(String id, Wallet owner, HtlcLock lock) {

  /** The open lock {@code id} that {@code tx} names, or a refusal when there is none. */
  static OpenLock named(Transaction tx, String id, WalletRepository wallets)
      throws TransactionRejectedException {
    Wallet owner =
        wallets
            .htlcLockOwner(id)
            .orElseThrow(() -> reject(Rejection.HTLC_LOCK_NOT_FOUND, tx, "no open lock " + id));
    return new OpenLock(id, owner, owner.htlcLocks().get(id));
  }
}
