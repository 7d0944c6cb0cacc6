package com.osmosecollective.node.storage.snapshot;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.Objects;

/**
 * What a snapshot file says about itself, before its blocks.
 *
 * @param network the network's name
 * @param nethash the network's nethash (a snapshot applies only to that network)
 * @param genesisId the id of block 1 of the chain the blocks belong to
 * @param from the first height in the file
 * @param to the last height in the file
 * @param previousId the id of block {@code from - 1} (empty when {@code from} is 1): the chain an
 *     appending import must already hold
 * @param stateHash the exporter's {@link com.osmosecollective.node.storage.StateHash} at {@code
 *     to}, or empty when {@code to} was below the exporter's tip (no state to hash)
 * @param networkDefinition the network file's bytes for a network that is not shipped (a devnet's
 *     or a generated one), else empty
 */
public record SnapshotHeader(
    String network,
    String nethash,
    String genesisId,
    long from,
    long to,
    String previousId,
    String stateHash,
    Bytes networkDefinition) {
  public SnapshotHeader {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nethash, "nethash");
    Objects.requireNonNull(genesisId, "genesisId");
    Objects.requireNonNull(previousId, "previousId");
    Objects.requireNonNull(stateHash, "stateHash");
    networkDefinition = networkDefinition == null ? Bytes.EMPTY : networkDefinition;
    if (from < 1 || to < from) {
      throw new IllegalArgumentException(
          "heights must satisfy 1 <= from <= to: " + from + ".." + to);
    }
    if ((from == 1) != previousId.isEmpty()) {
      throw new IllegalArgumentException("previousId is empty exactly when from is 1");
    }
  }

  public long blockCount() {
    return to - from + 1;
  }

  public boolean hasStateHash() {
    return !stateHash.isEmpty();
  }
}
