package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import java.util.Optional;

/**
 * The fee a transaction needs to enter the pool and to be broadcast (ARK's {@code
 * dynamic-fee-matcher.ts}). Static mode (OSMOSE): the fee must equal the milestone's static fee.
 * Dynamic mode: at least {@code (addonBytes + round(bytes / 2)) * minFee}.
 */
public final class FeePolicy {
  private final Optional<DynamicFees> dynamic;

  public FeePolicy(Optional<DynamicFees> dynamic) {
    this.dynamic = dynamic;
  }

  /** The static fee of {@code tx} under {@code milestone}; multi-signature pays per participant. */
  public static long staticFee(Transaction tx, Milestone milestone) {
    TransactionType type = tx.type();
    long base = milestone.staticFee(type.feeKey(), type.defaultStaticFee());
    if (tx.asset() instanceof Asset.MultiSignature ms) {
      return Math.multiplyExact(base, ms.publicKeys().size() + 1L);
    }
    if (tx.asset() instanceof Asset.MultiSignatureLegacy legacy) {
      return Math.multiplyExact(base, legacy.keysgroup().size() + 1L);
    }
    return base;
  }

  /** Empty when the fee lets the transaction enter the pool. */
  public Optional<PoolRejection> checkEnterPool(Transaction tx, Milestone milestone) {
    if (dynamic.isPresent()) {
      long min = dynamicMinimum(tx, dynamic.get().minFeePool(), dynamic.get());
      return tx.fee() >= min ? Optional.empty() : Optional.of(tooLow(tx));
    }
    long fee = staticFee(tx, milestone);
    if (tx.fee() < fee) {
      return Optional.of(tooLow(tx));
    }
    if (tx.fee() > fee) {
      return Optional.of(
          new PoolRejection(
              RejectionCode.ERR_HIGH_FEE,
              TransactionLabel.of(tx) + " fee is to high to enter the pool"));
    }
    return Optional.empty();
  }

  /** Whether an accepted transaction is also relayed to peers. */
  public boolean canBroadcast(Transaction tx, Milestone milestone) {
    if (dynamic.isPresent()) {
      return tx.fee() >= dynamicMinimum(tx, dynamic.get().minFeeBroadcast(), dynamic.get());
    }
    return tx.fee() == staticFee(tx, milestone);
  }

  private static PoolRejection tooLow(Transaction tx) {
    // ARK's wording, typo included: wallets may match on it.
    return new PoolRejection(
        RejectionCode.ERR_LOW_FEE, TransactionLabel.of(tx) + " fee is to low to enter the pool");
  }

  /**
   * ARK quirk (spec §5, §10.3): the size term is half the serialized byte length, because ARK
   * divides a byte buffer's length as if it were a hex string.
   */
  static long dynamicMinimum(Transaction tx, long satoshiPerByte, DynamicFees fees) {
    TransactionType type = tx.type();
    if (type == TransactionType.HTLC_CLAIM || type == TransactionType.HTLC_REFUND) {
      return 0;
    }
    long perByte = satoshiPerByte <= 0 ? 1 : satoshiPerByte;
    long addon = fees.addonBytes().getOrDefault(type.feeKey(), 0L);
    long half = Math.round(tx.serializedLength() / 2.0);
    return Math.multiplyExact(Math.addExact(addon, half), perByte);
  }
}
