package com.osmosecollective.node.core.tx;

import java.util.Optional;

/** The eleven core transaction types of typeGroup 1 (spec §3.1). */
public enum TransactionType {
  TRANSFER(0, "transfer", true, 10_000_000L),
  SECOND_SIGNATURE(1, "secondSignature", false, 500_000_000L),
  DELEGATE_REGISTRATION(2, "delegateRegistration", false, 2_500_000_000L),
  VOTE(3, "vote", false, 100_000_000L),
  MULTI_SIGNATURE(4, "multiSignature", false, 500_000_000L),
  IPFS(5, "ipfs", false, 500_000_000L),
  MULTI_PAYMENT(6, "multiPayment", true, 10_000_000L),
  DELEGATE_RESIGNATION(7, "delegateResignation", false, 2_500_000_000L),
  HTLC_LOCK(8, "htlcLock", true, 10_000_000L),
  HTLC_CLAIM(9, "htlcClaim", false, 0L),
  HTLC_REFUND(10, "htlcRefund", false, 0L);

  /** The only type group this node knows (ARK's "Core"). */
  public static final int CORE_TYPE_GROUP = 1;

  private static final TransactionType[] BY_CODE = values();

  private final int code;
  private final String feeKey;
  private final boolean vendorField;
  private final long defaultStaticFee;

  TransactionType(int code, String feeKey, boolean vendorField, long defaultStaticFee) {
    this.code = code;
    this.feeKey = feeKey;
    this.vendorField = vendorField;
    this.defaultStaticFee = defaultStaticFee;
  }

  public int code() {
    return code;
  }

  /** The key of this type in a milestone's {@code fees.staticFees} table. */
  public String feeKey() {
    return feeKey;
  }

  public boolean hasVendorField() {
    return vendorField;
  }

  /** ARK's built-in static fee, used when the milestone does not configure one. */
  public long defaultStaticFee() {
    return defaultStaticFee;
  }

  /** Types that exist in version 1 (legacy) transactions. */
  public boolean existsInVersion1() {
    return code <= 4;
  }

  /** Types that only a milestone with {@code htlcEnabled} accepts. */
  public boolean isHtlc() {
    return this == HTLC_LOCK || this == HTLC_CLAIM || this == HTLC_REFUND;
  }

  public static Optional<TransactionType> fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
  }
}
