package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Transaction;

/** Small shared helpers of the handlers. */
final class Rejections {
  private Rejections() {}

  static TransactionRejectedException reject(Rejection why, Transaction tx, String message) {
    return new TransactionRejectedException(why, tx.id(), message);
  }

  static String address(Bytes payload) {
    return Address.fromPayload(payload.toArray());
  }

  static String osm(long arktoshi) {
    return java.math.BigDecimal.valueOf(arktoshi, 8).stripTrailingZeros().toPlainString();
  }
}
