package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A network definition in ARK's crypto.json shape: the network parameters, the milestone schedule,
 * the genesis block (kept as JSON; node-core parses it) and the exceptions.
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
    JsonNode exceptions) {

  /** The network epoch (from the first milestone), the origin of all block timestamps. */
  public java.time.Instant epoch() {
    return milestones.first().epoch();
  }
}
