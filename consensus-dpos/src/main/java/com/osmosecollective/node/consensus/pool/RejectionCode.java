package com.osmosecollective.node.consensus.pool;

/**
 * Why the pool refused a transaction, with ARK Core 3.9's error type strings (the {@code type} of
 * an entry in the {@code errors} object of {@code POST /api/transactions}).
 */
public enum RejectionCode {
  /** Undecodable, schema failure, or a signature that does not verify. */
  ERR_BAD_DATA,
  /** The same transaction id is already in the pool. */
  ERR_DUPLICATE,
  /** Fee below the static fee (or below the dynamic minimum when dynamic fees are on). */
  ERR_LOW_FEE,
  /** Fee above the static fee (static-fee mode only). */
  ERR_HIGH_FEE,
  /** The pool is full and the fee does not beat the cheapest transaction in it. */
  ERR_POOL_FULL,
  /** The sender already has the maximum number of transactions in the pool. */
  ERR_EXCEEDS_MAX_COUNT,
  /** Larger than {@code maxTransactionBytes}. ARK spells it "TOO" although its class says "To". */
  ERR_TOO_LARGE,
  /** The network byte is not ours. */
  ERR_WRONG_NETWORK,
  /** A v1 timestamp more than an hour ahead of the network clock. */
  ERR_FROM_FUTURE,
  /** The expiration height has passed (or the v1 transaction is too old). */
  ERR_EXPIRED,
  /** Conflicts with a transaction already waiting in the pool (same username, vote, lock, ...). */
  ERR_PENDING,
  /** An HTLC claim or refund for a lock that does not exist. */
  ERR_HTLCLOCKNOTFOUND,
  /** The sender's wallet (or the pool's view of it) does not allow the transaction. */
  ERR_APPLY,
  /** Anything else. */
  ERR_OTHER
}
