package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;

/**
 * A transaction in the pool: the height at which it entered (for ARK's "old" eviction after {@code
 * maxTransactionAge} blocks) and the sender keys its signatures were verified against (a block
 * changing them, e.g. a second-signature registration, forces a new verification).
 */
record PoolEntry(Transaction tx, long heightAdded, SenderKeys verifiedKeys) {
  String id() {
    return tx.id();
  }

  Bytes sender() {
    return tx.senderPublicKey();
  }

  long fee() {
    return tx.fee();
  }

  int size() {
    return tx.serializedLength();
  }
}
