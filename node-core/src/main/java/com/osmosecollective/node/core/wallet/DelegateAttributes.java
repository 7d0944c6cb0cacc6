package com.osmosecollective.node.core.wallet;

import java.util.Objects;

/**
 * The {@code delegate} attribute of a registered delegate's wallet.
 *
 * @param rank position in the last ranking, 0 when unranked (resigned or not yet ranked)
 * @param round the last round the delegate was active in, 0 when none
 * @param missedBlocks slots the delegate was scheduled for and did not fill (not in ARK 3.9's
 *     state, which only reports missed slots as events: OSMOSE voters judge delegates by it)
 * @param lastBlock the last block it forged, or null
 */
public record DelegateAttributes(
    String username,
    long voteBalance,
    long producedBlocks,
    long missedBlocks,
    long forgedFees,
    long forgedRewards,
    int rank,
    long round,
    LastBlock lastBlock,
    boolean resigned) {
  public DelegateAttributes {
    Objects.requireNonNull(username, "username");
    if (username.isEmpty()) {
      throw new IllegalArgumentException("empty delegate username");
    }
  }

  /** A freshly registered delegate, as a delegate registration creates it. */
  public static DelegateAttributes registered(String username) {
    return new DelegateAttributes(username, 0, 0, 0, 0, 0, 0, 0, null, false);
  }

  public DelegateAttributes withVoteBalance(long value) {
    return new DelegateAttributes(
        username,
        value,
        producedBlocks,
        missedBlocks,
        forgedFees,
        forgedRewards,
        rank,
        round,
        lastBlock,
        resigned);
  }

  /** Adds a forged block's fee and reward, as the forger credit does. */
  public DelegateAttributes withForged(long fee, long reward, LastBlock block) {
    return new DelegateAttributes(
        username,
        voteBalance,
        Math.addExact(producedBlocks, 1),
        missedBlocks,
        Math.addExact(forgedFees, fee),
        Math.addExact(forgedRewards, reward),
        rank,
        round,
        block,
        resigned);
  }

  /** Takes back a forged block's fee and reward, as the forger debit does on revert. */
  public DelegateAttributes withoutForged(long fee, long reward) {
    return new DelegateAttributes(
        username,
        voteBalance,
        Math.subtractExact(producedBlocks, 1),
        missedBlocks,
        Math.subtractExact(forgedFees, fee),
        Math.subtractExact(forgedRewards, reward),
        rank,
        round,
        null,
        resigned);
  }

  public DelegateAttributes withMissedBlocks(long value) {
    return new DelegateAttributes(
        username,
        voteBalance,
        producedBlocks,
        value,
        forgedFees,
        forgedRewards,
        rank,
        round,
        lastBlock,
        resigned);
  }

  public DelegateAttributes withRank(int newRank, long newRound) {
    return new DelegateAttributes(
        username,
        voteBalance,
        producedBlocks,
        missedBlocks,
        forgedFees,
        forgedRewards,
        newRank,
        newRound,
        lastBlock,
        resigned);
  }

  /**
   * Sets {@code resigned}. The rank stays until the next round is chosen, as in ARK (its
   * resignation handler sets only the flag; the ranking at the round end drops the rank).
   */
  public DelegateAttributes withResigned(boolean value) {
    return new DelegateAttributes(
        username,
        voteBalance,
        producedBlocks,
        missedBlocks,
        forgedFees,
        forgedRewards,
        rank,
        round,
        lastBlock,
        value);
  }
}
