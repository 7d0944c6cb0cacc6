package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * The type-specific part of a transaction's state transition; the generic sender part (nonce, fee,
 * amount, signatures of the wallet) is {@link SenderRules}'.
 */
interface TypeHandler {
  TransactionType type();

  /** Type-specific checks against the current state; {@code sender} has its key attached. */
  void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException;

  /** Type-specific effects, after the sender's nonce and debit were stored. Checks passed. */
  void apply(Transaction tx, WalletRepository wallets, StateContext ctx);

  /**
   * Whether the sender pays amount and fee from its balance; HTLC claims and refunds take the fee
   * out of the lock instead and only move the sender's nonce.
   */
  default boolean debitsSender() {
    return true;
  }
}
