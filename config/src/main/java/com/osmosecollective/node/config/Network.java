package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A network definition in ARK's crypto.json shape: the network parameters, the milestone schedule,
 * the genesis block (kept as JSON; node-core parses it) and the exceptions ({@link
 * NetworkExceptions#none()} when the file has none). {@code nethash} is empty and {@code
 * genesisBlock} null for a network whose genesis block is not made yet; {@code premine} is then the
 * planned genesis amount (arktoshi), else the genesis block's total amount.
 */
public record Network(
    String name,
    int pubKeyHash,
    int wif,
    String nethash,
    String messagePrefix,
    String token,
    String symbol,
    String explorer,
    Milestones milestones,
    JsonNode genesisBlock,
    NetworkExceptions exceptions,
    long premine) {

  /** Whether the genesis block exists yet (a planned network records only its premine). */
  public boolean hasGenesisBlock() {
    return genesisBlock != null && genesisBlock.isObject();
  }

  /** The network epoch (from the first milestone), the origin of all block timestamps. */
  public java.time.Instant epoch() {
    return milestones.first().epoch();
  }
}
