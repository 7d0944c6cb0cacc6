package com.osmosecollective.node.storage;

import java.util.Objects;

/**
 * What storage keeps of a block: the header fields the indexes and the API need, and the full
 * serialized block (header and transactions as the P2P layer sends it). The caller (the chain
 * thread) fills it from the parsed block; storage never parses block bytes itself.
 *
 * @param id the block id as ARK prints it (64 hex chars, or a decimal string for legacy ids)
 * @param previousId the previous block's id, null only for the genesis block
 * @param generatorPublicKey lowercase hex, 33 bytes
 */
// raw stored bytes handed to readers without copying
@SuppressWarnings("ArrayRecordComponent")
public record BlockData(
    long height,
    String id,
    String previousId,
    long timestamp,
    String generatorPublicKey,
    long reward,
    long totalFee,
    long totalAmount,
    int transactionCount,
    byte[] serialized) {
  public BlockData {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(generatorPublicKey, "generatorPublicKey");
    Objects.requireNonNull(serialized, "serialized");
    if (height < 1) {
      throw new IllegalArgumentException("height must be >= 1: " + height);
    }
    if ((previousId == null) != (height == 1)) {
      throw new IllegalArgumentException("only the genesis block has no previous id");
    }
    if (reward < 0 || totalFee < 0 || totalAmount < 0 || transactionCount < 0 || timestamp < 0) {
      throw new IllegalArgumentException("negative block field at height " + height);
    }
  }
}
