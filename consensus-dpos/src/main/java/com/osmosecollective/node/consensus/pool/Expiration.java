package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.OptionalLong;

/**
 * When a pending transaction expires (ARK's {@code expiration-service.ts}): a v2 transaction at its
 * {@code expiration} height (0 = never); a v1 transaction {@code maxTransactionAge} blocks after
 * the block height that matches its timestamp.
 */
public final class Expiration {
  private Expiration() {}

  /** The expiration height, if any. */
  public static OptionalLong height(
      Transaction tx, long lastHeight, long now, int blocktime, int maxTransactionAge) {
    if (tx.version() >= 2) {
      if (tx.asset() instanceof Asset.Transfer transfer && transfer.expiration() > 0) {
        return OptionalLong.of(transfer.expiration());
      }
      return OptionalLong.empty();
    }
    long blocksAgo = Math.floorDiv(now - tx.timestamp(), (long) blocktime);
    return OptionalLong.of(lastHeight - blocksAgo + maxTransactionAge);
  }

  /** Expired when it could not be included in the next block (height {@code lastHeight + 1}). */
  public static boolean isExpired(OptionalLong expirationHeight, long lastHeight) {
    return expirationHeight.isPresent() && expirationHeight.getAsLong() <= lastHeight + 1;
  }
}
