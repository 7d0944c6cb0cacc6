package com.osmosecollective.node.core.wallet;

import java.util.Objects;

/**
 * An open HTLC lock held by the sender's wallet, keyed there by the lock transaction id.
 *
 * @param expirationType 1 = epoch timestamp, 2 = block height (ARK's {@code expiration.type})
 * @param vendorField the lock transaction's vendor field, or null
 */
public record HtlcLock(
    long amount,
    String recipientId,
    long timestamp,
    String vendorField,
    String secretHash,
    int expirationType,
    long expirationValue) {
  public HtlcLock {
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(secretHash, "secretHash");
    if (amount < 0) {
      throw new IllegalArgumentException("negative lock amount: " + amount);
    }
    if (expirationType != 1 && expirationType != 2) {
      throw new IllegalArgumentException("expiration type must be 1 or 2: " + expirationType);
    }
  }
}
