package com.osmosecollective.node.core.state;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkExceptions;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.Objects;

/**
 * Where a state transition happens: the height being applied (for the pool: the next height), the
 * block timestamp (epoch seconds), the milestone in force at that height, the network byte, and the
 * last applied block before it, which ARK's HTLC expiry checks read (its "lastBlock" while a block
 * or a pool transaction is being applied).
 *
 * @param lastBlockHeight the height of the block before, {@code height - 1}
 * @param lastBlockTimestamp the timestamp of the block before (0 before the genesis block)
 * @param exceptions the network's exceptions (ARK's {@code isException} transactions skip the
 *     generic wallet checks)
 */
public record StateContext(
    long height,
    long blockTimestamp,
    Milestone milestone,
    int pubKeyHash,
    long lastBlockHeight,
    long lastBlockTimestamp,
    NetworkExceptions exceptions) {

  public StateContext {
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(exceptions, "exceptions");
    if (height < 1) {
      throw new IllegalArgumentException("height must be >= 1: " + height);
    }
    if (lastBlockHeight != height - 1) {
      throw new IllegalArgumentException(
          "last block height " + lastBlockHeight + " is not before height " + height);
    }
  }

  /** A context on a network without exceptions. */
  public StateContext(
      long height,
      long blockTimestamp,
      Milestone milestone,
      int pubKeyHash,
      long lastBlockHeight,
      long lastBlockTimestamp) {
    this(
        height,
        blockTimestamp,
        milestone,
        pubKeyHash,
        lastBlockHeight,
        lastBlockTimestamp,
        NetworkExceptions.none());
  }

  /** The context of applying the block at {@code height} after a block stamped {@code previous}. */
  public static StateContext forBlock(
      Network network, long height, long blockTimestamp, long previousBlockTimestamp) {
    return new StateContext(
        height,
        blockTimestamp,
        network.milestones().at(height),
        network.pubKeyHash(),
        height - 1,
        previousBlockTimestamp,
        network.exceptions());
  }

  /**
   * The pool's context: transactions are checked for the next block after the tip, stamped {@code
   * now} (epoch seconds).
   */
  public static StateContext forPool(Network network, long tipHeight, long tipTimestamp, long now) {
    return forBlock(network, tipHeight + 1, now, tipTimestamp);
  }

  /** The context of the genesis block. */
  public static StateContext forGenesis(Network network, long timestamp) {
    return forBlock(network, 1, timestamp, 0);
  }

  /** The number of forging delegates (resignations must leave at least this many). */
  public int activeDelegates() {
    return milestone.activeDelegates();
  }

  /** Whether {@code tx} is one of the network's exception transactions (ARK's isException). */
  public boolean isException(Transaction tx) {
    return exceptions.isTransactionException(tx.id());
  }

  public TxContext txContext() {
    return new TxContext(pubKeyHash, milestone);
  }
}
