package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/**
 * Where the forger takes a block's transactions from: the transaction pool, in forging order,
 * within the block limits. Until the pool is wired in, {@link #EMPTY} forges empty blocks. The pool
 * is confined to the chain thread, so a pool-backed source collects through {@code
 * Chain.callOnChainThread}.
 */
@FunctionalInterface
public interface TransactionSource {
  TransactionSource EMPTY = (maxTransactions, maxPayloadBytes) -> List.of();

  /**
   * The transactions of the next block, in forging order.
   *
   * @param maxTransactions the milestone's block transaction limit
   * @param maxPayloadBytes the milestone's block size limit ({@code block.maxPayload}); the source
   *     leaves room for the header and signature, and counts 4 length bytes per transaction
   */
  List<Transaction> collectForBlock(int maxTransactions, long maxPayloadBytes);
}
