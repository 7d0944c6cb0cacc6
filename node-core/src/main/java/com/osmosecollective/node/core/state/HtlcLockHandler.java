package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * HTLC lock: the amount leaves the sender's balance into its locked balance, under the lock
 * transaction's id. The expiration must lie more than one round ahead of the last block.
 */
final class HtlcLockHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.HTLC_LOCK;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    Asset.HtlcLock lock = (Asset.HtlcLock) tx.asset();
    long minimum;
    String unit;
    if (lock.expirationType() == HtlcExpiry.EPOCH_TIMESTAMP) {
      minimum =
          ctx.lastBlockTimestamp() + (long) ctx.milestone().blocktime() * ctx.activeDelegates();
      unit = "timestamp";
    } else if (lock.expirationType() == HtlcExpiry.BLOCK_HEIGHT) {
      minimum = ctx.lastBlockHeight() + ctx.activeDelegates();
      unit = "height";
    } else {
      throw reject(
          Rejection.HTLC_LOCK_EXPIRED, tx, "unknown lock expiration type " + lock.expirationType());
    }
    if (lock.expirationValue() <= minimum) {
      throw reject(
          Rejection.HTLC_LOCK_EXPIRED,
          tx,
          "the lock expires too soon: expiration " + unit + " must be above " + minimum);
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Asset.HtlcLock asset = (Asset.HtlcLock) tx.asset();
    HtlcLock lock =
        new HtlcLock(
            tx.amount(),
            Rejections.address(asset.recipient()),
            ctx.blockTimestamp(),
            tx.vendorField(),
            asset.secretHash().hex(),
            asset.expirationType(),
            asset.expirationValue());
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.withHtlcLock(tx.id(), lock));
  }
}
