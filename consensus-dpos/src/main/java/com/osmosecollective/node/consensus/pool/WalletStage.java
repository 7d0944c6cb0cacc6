package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;

/**
 * The wallet-dependent admission stage: copy-on-write views over the chain's committed wallet
 * state. The pool keeps one view holding the chain state plus every pending transaction, so a
 * sender's pending transactions are checked in nonce sequence and against each other (balance,
 * username, votes, HTLC locks). Views are used on the chain thread only.
 */
public interface WalletStage {

  /** A fresh view over the committed state, at the chain's current tip. */
  View newView();

  /** One copy-on-write view; changes never reach the committed state. */
  interface View {
    /**
     * The sender's second public key and multi-signature, which the pool verifies a transaction's
     * extra signatures against; {@link SenderKeys#unknown()} when {@link #apply} verifies those
     * signatures itself.
     */
    SenderKeys senderKeys(Bytes senderPublicKey);

    /**
     * Checks {@code tx} against the view (nonce sequence, balance, type rules, HTLC lock) and
     * applies it. On refusal the view is unchanged and the exception says why (usually {@link
     * RejectionCode#ERR_APPLY}, {@link RejectionCode#ERR_HTLCLOCKNOTFOUND} for a missing lock).
     */
    void apply(Transaction tx) throws PoolRejectedException;

    /**
     * Undoes {@code tx}, the latest applied transaction of its sender; false when the view cannot
     * (the pool then rebuilds a fresh view).
     */
    boolean revert(Transaction tx);
  }
}
