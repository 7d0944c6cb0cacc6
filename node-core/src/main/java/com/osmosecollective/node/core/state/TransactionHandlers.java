package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The wallet state transitions of the 11 core transaction types (spec §4.3–4.5): {@link #check}
 * says whether a transaction can be applied to a state, {@link #apply} checks and applies it, vote
 * balances included. The first signature is not checked here (blocks and the pool verify it in
 * isolation, in parallel); the signatures that depend on the wallet are.
 */
public final class TransactionHandlers {
  private final SenderRules senderRules;
  private final Map<TransactionType, TypeHandler> handlers = new EnumMap<>(TransactionType.class);

  public TransactionHandlers(TransactionVerifier verifier) {
    Objects.requireNonNull(verifier, "verifier");
    this.senderRules = new SenderRules(verifier);
    for (TypeHandler handler :
        List.of(
            new TransferHandler(),
            new SecondSignatureHandler(),
            new DelegateRegistrationHandler(),
            new VoteHandler(),
            new MultiSignatureHandler(verifier),
            new IpfsHandler(),
            new MultiPaymentHandler(),
            new DelegateResignationHandler(),
            new HtlcLockHandler(),
            new HtlcClaimHandler(),
            new HtlcRefundHandler())) {
      handlers.put(handler.type(), handler);
    }
  }

  /** Handlers that verify wallet signatures with the fastest verifier available. */
  public static TransactionHandlers withBestVerifier() {
    return new TransactionHandlers(new TransactionVerifier(SignatureVerifiers.best()));
  }

  /**
   * Throws when {@code tx} cannot be applied to {@code wallets} in {@code ctx}; changes nothing.
   */
  public void check(Transaction tx, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    TypeHandler handler = handlers.get(tx.type());
    senderRules.checkEnabled(tx, ctx);
    String senderKey = tx.senderPublicKey().hex();
    Wallet sender = wallets.byPublicKey(senderKey);
    if (ctx.isException(tx)) {
      checkException(tx, handler, sender, wallets, ctx);
    } else if (handler.debitsSender()) {
      // ARK checks the stored wallet: a key never seen and no funds means a cold wallet.
      senderRules.checkNotCold(tx, wallets.byAddress(sender.address()));
      handler.check(tx, sender, wallets, ctx);
      senderRules.check(tx, sender);
    } else {
      senderRules.check(tx, sender);
      handler.check(tx, sender, wallets, ctx);
    }
  }

  /**
   * A network exception transaction, as ARK's {@code isException} treats it: no generic wallet
   * checks (balance, second and multi-signatures) but still the nonce and the type's own rules; an
   * IPFS exception skips every check (ARK's IPFS handler returns before any).
   */
  private void checkException(
      Transaction tx,
      TypeHandler handler,
      Wallet sender,
      WalletRepository wallets,
      StateContext ctx)
      throws TransactionRejectedException {
    if (tx.type() != TransactionType.IPFS) {
      if (handler.debitsSender()) {
        senderRules.checkNotCold(tx, wallets.byAddress(sender.address()));
      }
      handler.check(tx, sender, wallets, ctx);
    }
    senderRules.checkNonce(tx, sender);
  }

  /** Checks then applies {@code tx}: on rejection nothing was changed. */
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    check(tx, wallets, ctx);
    // an exception's sender may go negative (ARK asserts a non-negative balance only otherwise)
    applyChecked(tx, wallets, ctx, ctx.isException(tx));
  }

  /**
   * Applies a genesis transaction without any check: genesis senders may go negative (ARK's genesis
   * wallets do). Vote balances are not touched; {@link BlockApplier#applyGenesis} rebuilds them
   * once all genesis transactions are applied.
   */
  void applyGenesis(Transaction tx, WalletRepository wallets, StateContext ctx) {
    TypeHandler handler = handlers.get(tx.type());
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(senderRules.apply(tx, sender, handler.debitsSender(), true));
    handler.apply(tx, wallets, ctx);
  }

  private void applyChecked(
      Transaction tx, WalletRepository wallets, StateContext ctx, boolean allowNegative) {
    TypeHandler handler = handlers.get(tx.type());
    VoteBalances.ClaimedLock claimed = null;
    if (tx.type() == TransactionType.HTLC_CLAIM) {
      String lockId = HtlcClaimHandler.lockId(tx);
      Wallet owner = wallets.htlcLockOwner(lockId).orElseThrow();
      claimed = new VoteBalances.ClaimedLock(owner.address(), owner.htlcLocks().get(lockId));
    }
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(senderRules.apply(tx, sender, handler.debitsSender(), allowNegative));
    handler.apply(tx, wallets, ctx);
    VoteBalances.afterApply(tx, wallets, claimed);
  }
}
