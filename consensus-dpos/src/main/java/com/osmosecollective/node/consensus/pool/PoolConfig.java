package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's limits, with ARK Core 3.9's defaults (spec §5, {@code core-transaction-pool
 * defaults.ts}). {@code dynamicFees} empty means static fees: the fee must equal the milestone's
 * static fee, which is what OSMOSE runs with.
 */
public record PoolConfig(
    int maxTransactionsInPool,
    int maxTransactionsPerSender,
    int maxTransactionsPerRequest,
    int maxTransactionAge,
    int maxTransactionBytes,
    Set<Bytes> allowedSenders,
    Optional<DynamicFees> dynamicFees) {

  public PoolConfig {
    if (maxTransactionsInPool < 1
        || maxTransactionsPerSender < 1
        || maxTransactionsPerRequest < 1
        || maxTransactionAge < 1
        || maxTransactionBytes < 1) {
      throw new IllegalArgumentException("pool limits must be positive");
    }
    allowedSenders = Set.copyOf(allowedSenders);
    Objects.requireNonNull(dynamicFees, "dynamicFees");
  }

  /**
   * 15,000 in the pool, 150 per sender, 40 per request, 2,700 blocks, 2,000,000 bytes, static fees.
   */
  public static PoolConfig defaults() {
    return new PoolConfig(15_000, 150, 40, 2_700, 2_000_000, Set.of(), Optional.empty());
  }

  public PoolConfig withMaxTransactionsInPool(int max) {
    return new PoolConfig(
        max,
        maxTransactionsPerSender,
        maxTransactionsPerRequest,
        maxTransactionAge,
        maxTransactionBytes,
        allowedSenders,
        dynamicFees);
  }

  public PoolConfig withMaxTransactionsPerSender(int max) {
    return new PoolConfig(
        maxTransactionsInPool,
        max,
        maxTransactionsPerRequest,
        maxTransactionAge,
        maxTransactionBytes,
        allowedSenders,
        dynamicFees);
  }

  public PoolConfig withMaxTransactionAge(int blocks) {
    return new PoolConfig(
        maxTransactionsInPool,
        maxTransactionsPerSender,
        maxTransactionsPerRequest,
        blocks,
        maxTransactionBytes,
        allowedSenders,
        dynamicFees);
  }

  public PoolConfig withMaxTransactionBytes(int bytes) {
    return new PoolConfig(
        maxTransactionsInPool,
        maxTransactionsPerSender,
        maxTransactionsPerRequest,
        maxTransactionAge,
        bytes,
        allowedSenders,
        dynamicFees);
  }

  public PoolConfig withDynamicFees(DynamicFees fees) {
    return new PoolConfig(
        maxTransactionsInPool,
        maxTransactionsPerSender,
        maxTransactionsPerRequest,
        maxTransactionAge,
        maxTransactionBytes,
        allowedSenders,
        Optional.of(fees));
  }

  /** The sender may exceed the per-sender limit (ARK's {@code allowedSenders}). */
  public boolean unlimited(Bytes senderPublicKey) {
    return allowedSenders.contains(senderPublicKey);
  }
}
