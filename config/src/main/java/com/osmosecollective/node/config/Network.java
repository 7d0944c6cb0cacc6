package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A network definition in ARK's crypto.json shape: the network parameters, the milestone schedule,
 * the genesis block (kept as JSON; node-core parses it) and the exceptions ({@link
 * NetworkExceptions#none()} when the file has none). {@code nethash} is empty and {@code
 * genesisBlock} null for a network whose genesis block is not made yet; {@code premine} is then the
 * planned genesis amount (arktoshi), else the genesis block's total amount. {@code definition}
 * keeps the file's {@code network} and {@code exceptions} objects as written ({@code {"network":
 * {…}, "exceptions": {…}}}), which ARK serves as is on {@code /node/configuration/crypto}; it also
 * holds the keys this record does not name (bip32, slip44, aip20).
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
    long premine,
    JsonNode definition) {

  public Network {
    definition = definition == null ? emptyDefinition() : definition.deepCopy();
  }

  /** A network without its source objects (derived or test networks). */
  public Network(
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
    this(
        name,
        pubKeyHash,
        wif,
        nethash,
        messagePrefix,
        token,
        symbol,
        explorer,
        milestones,
        genesisBlock,
        exceptions,
        premine,
        null);
  }

  /** A copy: callers cannot change the network through it. */
  @Override
  public JsonNode definition() {
    return definition.deepCopy();
  }

  private static JsonNode emptyDefinition() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putObject("network");
    o.putObject("exceptions");
    return o;
  }

  /**
   * Whether the definition says this is a local devnet ({@code "network": {"localDevnet": true}},
   * written by {@code osmose devnet}): one process holding every delegate's public test key, the
   * only kind of network whose forger may forge without a quorum of peers. Only a JSON {@code true}
   * counts.
   */
  public boolean localDevnet() {
    JsonNode flag = definition.path("network").path(LOCAL_DEVNET);
    return flag.isBoolean() && flag.booleanValue();
  }

  /** The key of {@link #localDevnet()} in the definition's {@code network} object. */
  public static final String LOCAL_DEVNET = "localDevnet";

  /** Whether the genesis block exists yet (a planned network records only its premine). */
  public boolean hasGenesisBlock() {
    return genesisBlock != null && genesisBlock.isObject();
  }

  /** The network epoch (from the first milestone), the origin of all block timestamps. */
  public java.time.Instant epoch() {
    return milestones.first().epoch();
  }
}
