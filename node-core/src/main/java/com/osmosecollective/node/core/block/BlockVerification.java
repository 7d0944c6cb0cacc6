package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/**
 * The result of verifying a block in isolation. {@code verified} says nothing failed that can be
 * checked without state. {@code walletChecks} are the transactions of multi-signature wallets:
 * their participant signatures can only be checked against the sender wallet's multi-signature
 * asset, which the block processor does before accepting the block (ARK's {@code
 * containsMultiSignatures} path, spec §3.1 step 7).
 */
public record BlockVerification(
    boolean verified, List<String> errors, List<Transaction> walletChecks) {
  public BlockVerification {
    errors = List.copyOf(errors);
    walletChecks = List.copyOf(walletChecks);
    if (verified != errors.isEmpty()) {
      throw new IllegalArgumentException("verified exactly when there is no error");
    }
  }

  /** Whether some transaction still needs its sender's wallet to be verified. */
  public boolean containsMultiSignatures() {
    return !walletChecks.isEmpty();
  }
}
