package com.osmosecollective.node.storage;

import java.util.Objects;

/** The lock part of an HTLC lock transaction, as the lock indexes need it. */
public record HtlcLockInfo(
    String recipientAddress,
    long amount,
    String secretHash,
    int expirationType,
    long expirationValue) {
  public HtlcLockInfo {
    Objects.requireNonNull(recipientAddress, "recipientAddress");
    Objects.requireNonNull(secretHash, "secretHash");
  }
}
