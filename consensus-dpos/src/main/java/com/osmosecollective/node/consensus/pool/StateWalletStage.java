package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.state.Rejection;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.state.TransactionRejectedException;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The pool's wallet stage over node-core's state: each view is a {@link WalletOverlay} over the
 * committed wallets, and {@link TransactionHandlers#apply} checks and applies, second signatures
 * and multi-signature wallets included (so {@link View#senderKeys} answers "unknown" and the pool
 * does not verify them twice). Handler refusals become ARK's pool error types.
 */
public final class StateWalletStage implements WalletStage {
  private static final Set<Rejection> SIGNATURE_FAILURES =
      EnumSet.of(
          Rejection.MISSING_SECOND_SIGNATURE,
          Rejection.INVALID_SECOND_SIGNATURE,
          Rejection.UNEXPECTED_SECOND_SIGNATURE,
          Rejection.INVALID_MULTI_SIGNATURE,
          Rejection.UNEXPECTED_MULTI_SIGNATURE);

  private final Supplier<? extends WalletRepository> committed;
  private final TransactionHandlers handlers;
  private final Supplier<StateContext> poolContext;

  /**
   * @param committed the chain's committed wallets (read only through overlays)
   * @param poolContext the context of the next block ({@link StateContext#forPool})
   */
  public StateWalletStage(
      Supplier<? extends WalletRepository> committed,
      TransactionHandlers handlers,
      Supplier<StateContext> poolContext) {
    this.committed = committed;
    this.handlers = handlers;
    this.poolContext = poolContext;
  }

  @Override
  public View newView() {
    return new StateView(new WalletOverlay(committed.get()), poolContext.get());
  }

  private final class StateView implements View {
    private final WalletOverlay wallets;
    private final StateContext ctx;

    StateView(WalletOverlay wallets, StateContext ctx) {
      this.wallets = wallets;
      this.ctx = ctx;
    }

    @Override
    public SenderKeys senderKeys(Bytes senderPublicKey) {
      return SenderKeys.unknown();
    }

    @Override
    public void apply(Transaction tx) throws PoolRejectedException {
      try {
        handlers.apply(tx, wallets, ctx);
      } catch (TransactionRejectedException e) {
        throw translate(tx, e);
      }
    }

    @Override
    public boolean revert(Transaction tx) {
      return false; // the state has no per-transaction undo; the pool rebuilds instead
    }

    private PoolRejectedException translate(Transaction tx, TransactionRejectedException e) {
      Rejection r = e.rejection();
      if (r == Rejection.HTLC_LOCK_NOT_FOUND) {
        return new PoolRejectedException(RejectionCode.ERR_HTLCLOCKNOTFOUND, e.message());
      }
      if (SIGNATURE_FAILURES.contains(r)) {
        return new PoolRejectedException(
            RejectionCode.ERR_BAD_DATA,
            TransactionLabel.of(tx) + " didn't passed verification: " + e.message());
      }
      if (r == Rejection.NONCE) {
        // ARK's wording, which wallets show as is
        long nonce = wallets.byPublicKey(tx.senderPublicKey().hex()).nonce();
        return new PoolRejectedException(
            RejectionCode.ERR_APPLY,
            "Cannot apply a transaction with nonce "
                + tx.nonce()
                + ": the sender "
                + tx.senderPublicKey().hex()
                + " has nonce "
                + nonce
                + ".");
      }
      if (r == Rejection.INSUFFICIENT_BALANCE) {
        return new PoolRejectedException(
            RejectionCode.ERR_APPLY, "Insufficient balance in the wallet.");
      }
      return new PoolRejectedException(RejectionCode.ERR_APPLY, e.message());
    }
  }
}
