package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;

/** The wallets a block changed, each with its value after the block. */
public record StateChanges(List<Wallet> changed) {
  public StateChanges {
    changed = List.copyOf(changed);
  }
}
