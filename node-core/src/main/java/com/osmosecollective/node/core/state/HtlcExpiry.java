package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.HtlcLock;

/**
 * ARK's lock expiry rule (spec §4.3): a lock is expired once its expiration is at or before the
 * last applied block's timestamp (type 1, epoch seconds) or height (type 2).
 */
final class HtlcExpiry {
  static final int EPOCH_TIMESTAMP = 1;
  static final int BLOCK_HEIGHT = 2;

  private HtlcExpiry() {}

  static boolean isExpired(HtlcLock lock, StateContext ctx) {
    return lock.expirationType() == EPOCH_TIMESTAMP
        ? lock.expirationValue() <= ctx.lastBlockTimestamp()
        : lock.expirationValue() <= ctx.lastBlockHeight();
  }
}
