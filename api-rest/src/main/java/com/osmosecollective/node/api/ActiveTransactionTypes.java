package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.tx.TransactionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction types ARK's handler registry reports as activated under a milestone, in type
 * order: types 5–7 need aip11, the HTLC types also htlcEnabled (as {@code TransactionRules} accepts
 * them); multi-signature registration is always there (legacy before aip11, AIP-18 after). Only the
 * core type group: this node runs no magistrate types.
 */
final class ActiveTransactionTypes {
  private ActiveTransactionTypes() {}

  static List<TransactionType> at(Milestone milestone) {
    List<TransactionType> out = new ArrayList<>();
    for (TransactionType type : TransactionType.values()) {
      if (active(type, milestone)) {
        out.add(type);
      }
    }
    return out;
  }

  private static boolean active(TransactionType type, Milestone milestone) {
    if (type.isHtlc()) {
      return milestone.aip11() && milestone.htlcEnabled();
    }
    return type.code() < 5 || milestone.aip11();
  }

  /**
   * ARK's handler key with its first letter upper-cased, as {@code /transactions/types} names it.
   */
  static String typeName(TransactionType type) {
    String key = type.feeKey();
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
