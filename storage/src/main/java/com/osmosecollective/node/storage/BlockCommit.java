package com.osmosecollective.node.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one applied block changes, handed to storage by the chain thread: the block, its
 * transactions in block order, every wallet whose state changed (its final value after the block),
 * and the new round's delegates when the block completes a round.
 *
 * @param newRound the delegates of the round that starts after this block, or null
 */
public record BlockCommit(
    BlockData block,
    List<TxData> transactions,
    List<WalletChange> walletChanges,
    RoundDelegates newRound) {
  public BlockCommit {
    Objects.requireNonNull(block, "block");
    transactions = List.copyOf(transactions);
    walletChanges = List.copyOf(walletChanges);
    if (transactions.size() != block.transactionCount()) {
      throw new IllegalArgumentException(
          "block "
              + block.height()
              + " declares "
              + block.transactionCount()
              + " transactions, commit holds "
              + transactions.size());
    }
    for (int i = 0; i < transactions.size(); i++) {
      if (transactions.get(i).position() != i) {
        throw new IllegalArgumentException(
            "transaction " + i + " has position " + transactions.get(i).position());
      }
    }
    Set<String> addresses = new HashSet<>();
    for (WalletChange change : walletChanges) {
      if (!addresses.add(change.address())) {
        throw new IllegalArgumentException("wallet " + change.address() + " changed twice");
      }
    }
  }
}
