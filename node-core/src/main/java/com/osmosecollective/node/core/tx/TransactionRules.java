package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.config.Milestone;

/** Which versions and types a milestone accepts (spec §3.1, §3.8). */
public final class TransactionRules {
  private TransactionRules() {}

  /** With aip11 only version 2 is accepted, before it only version 1. */
  public static boolean supportsVersion(Milestone milestone, int version) {
    return milestone.aip11() ? version == 2 : version == 1;
  }

  /**
   * Types 5–7 and the AIP-18 multi-signature registration need aip11; the HTLC types also need
   * htlcEnabled.
   */
  public static boolean isEnabled(Milestone milestone, Transaction tx) {
    TransactionType type = tx.type();
    if (type.isHtlc()) {
      return milestone.aip11() && milestone.htlcEnabled();
    }
    if (type.code() >= 5 || tx.asset() instanceof Asset.MultiSignature) {
      return milestone.aip11();
    }
    return true;
  }
}
