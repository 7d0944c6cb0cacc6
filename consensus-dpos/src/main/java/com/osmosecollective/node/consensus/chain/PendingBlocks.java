package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the replayed blocks of the storage's pending bulk batch changed. Storage shows readers only
 * written batches, so while blocks wait in the batch the chain reads wallets, transaction ids and
 * block timestamps through this layer; it is emptied whenever the batch is written.
 */
final class PendingBlocks {
  private final WalletOverlay wallets;
  private final Set<String> transactionIds = new HashSet<>();
  private final Map<Long, Long> timestamps = new HashMap<>();

  PendingBlocks(WalletRepository committed) {
    this.wallets = new WalletOverlay(committed);
  }

  /** Committed wallets with the pending blocks' changes on top. */
  WalletRepository wallets() {
    return wallets;
  }

  void add(Block block, StateChanges changes) {
    changes.changed().forEach(wallets::put);
    for (Transaction tx : block.transactions()) {
      transactionIds.add(tx.id());
    }
    timestamps.put(block.height(), block.timestamp());
  }

  boolean hasTransaction(String id) {
    return transactionIds.contains(id);
  }

  OptionalLong timestampOf(long height) {
    Long timestamp = timestamps.get(height);
    return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
  }

  boolean isEmpty() {
    return timestamps.isEmpty();
  }
}
