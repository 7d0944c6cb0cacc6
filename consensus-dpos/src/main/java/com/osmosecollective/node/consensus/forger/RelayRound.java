package com.osmosecollective.node.consensus.forger;

import java.util.List;
import java.util.Objects;

/**
 * What a relay answers on {@code p2p.internal.getCurrentRound} (ARK {@code internal.ts
 * getCurrentRound}), as far as a forger process uses it: the forging order of the round the next
 * block belongs to, who forges the current slot, the tip the next block follows and the timestamp a
 * block forged now carries.
 *
 * @param round the round of the next height
 * @param delegates the round's forging order (public keys)
 * @param currentForger public key of the delegate of the current slot, null when none is scheduled
 * @param lastBlockHeight the relay's tip height
 * @param lastBlockId the relay's tip id
 * @param lastBlockTimestamp the relay's tip timestamp (epoch seconds)
 * @param timestamp the start of the current slot (epoch seconds): a block forged now carries it
 * @param canForge whether the current slot's forging window is still open
 */
public record RelayRound(
    long round,
    List<String> delegates,
    String currentForger,
    long lastBlockHeight,
    String lastBlockId,
    long lastBlockTimestamp,
    long timestamp,
    boolean canForge) {
  public RelayRound {
    delegates = List.copyOf(delegates);
    Objects.requireNonNull(lastBlockId, "lastBlockId");
  }
}
