package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * HTLC claim: before expiry, the secret releases the lock to its recipient minus the claim's fee.
 * The sender's balance does not change, only its nonce.
 */
final class HtlcClaimHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.HTLC_CLAIM;
  }

  @Override
  public boolean debitsSender() {
    return false;
  }

  static String lockId(Transaction tx) {
    return ((Asset.HtlcClaim) tx.asset()).lockTransactionId().hex();
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    String lockId = lockId(tx);
    HtlcLock lock = OpenLock.named(tx, lockId, wallets).lock();
    if (HtlcExpiry.isExpired(lock, ctx)) {
      throw reject(Rejection.HTLC_LOCK_EXPIRED, tx, "the lock " + lockId + " has expired");
    }
    byte[] secret = ((Asset.HtlcClaim) tx.asset()).unlockSecret().toArray();
    if (!Hex.encode(Hashes.sha256(secret)).equals(lock.secretHash())) {
      throw reject(Rejection.HTLC_SECRET_MISMATCH, tx, "the unlock secret does not match the lock");
    }
    Wallet recipient = wallets.byAddress(lock.recipientId());
    if (Math.addExact(recipient.balance(), lock.amount()) < tx.fee()) {
      throw reject(Rejection.INSUFFICIENT_BALANCE, tx, "the claim's fee exceeds the locked amount");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    String lockId = lockId(tx);
    Wallet owner = wallets.htlcLockOwner(lockId).orElseThrow();
    HtlcLock lock = owner.htlcLocks().get(lockId);
    wallets.put(owner.withoutHtlcLock(lockId));
    Wallet recipient = wallets.byAddress(lock.recipientId());
    wallets.put(recipient.plusBalance(Math.subtractExact(lock.amount(), tx.fee())));
  }
}
