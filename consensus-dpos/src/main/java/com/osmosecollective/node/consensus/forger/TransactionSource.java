package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/**
 * Where the forger takes a block's transactions from: the transaction pool, in forging order,
 * within the block limits. Until the pool is wired in, {@link #EMPTY} forges empty blocks.
 */
@FunctionalInterface
public interface TransactionSource {
  TransactionSource EMPTY = (maxTransactions, maxBytes) -> List.of();

  /**
   * @param maxTransactions the milestone's block transaction limit
   * @param maxBytes payload bytes left for transactions (each also costs a 4-byte length)
   */
  List<Transaction> collectForBlock(int maxTransactions, long maxBytes);
}
