package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Transaction;

/**
 * A submitted entry after the stateless checks: either refused, or a transaction whose own
 * signature verified. {@code walletVerification} means a signature that can only be checked against
 * the sender's wallet (a multi-signature wallet's transaction) is still unchecked.
 */
record Prepared(
    String entryId, Transaction tx, PoolRejection rejection, boolean walletVerification) {

  static Prepared rejected(String entryId, Transaction tx, PoolRejection rejection) {
    return new Prepared(entryId, tx, rejection, false);
  }

  static Prepared passed(String entryId, Transaction tx, boolean walletVerification) {
    return new Prepared(entryId, tx, null, walletVerification);
  }

  boolean isRejected() {
    return rejection != null;
  }
}
