package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The relay a separate forger process forges through (ARK core-forger's {@code client.ts}): the
 * internal P2P routes for the round, the network state and the pool, and {@code
 * p2p.blocks.postBlock} for the block. Implemented by P2P; every future fails when the relay cannot
 * be reached or refuses.
 */
public interface ForgerRelay {
  /** {@code p2p.internal.getCurrentRound}. */
  CompletableFuture<RelayRound> currentRound();

  /** {@code p2p.internal.getNetworkState}: the quorum of the relay's peers. */
  CompletableFuture<NetworkState> networkState();

  /**
   * {@code p2p.internal.getUnconfirmedTransactions}: the pool's transactions for block {@code
   * height}.
   */
  CompletableFuture<List<Transaction>> unconfirmedTransactions(long height);

  /** {@code p2p.blocks.postBlock}: hands our block to the relay's chain. */
  CompletableFuture<BlockOutcome> postBlock(Block block);

  /** {@code p2p.internal.syncBlockchain}: asks the relay to look at its peers now. */
  CompletableFuture<Boolean> syncBlockchain();

  /** {@code p2p.internal.emitEvent}: tells the relay what the forger did (logged there). */
  CompletableFuture<Boolean> emitEvent(String event, String detail);
}
