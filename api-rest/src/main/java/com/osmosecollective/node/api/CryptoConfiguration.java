package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;

/**
 * The body of {@code /node/configuration/crypto}: ARK's crypto configuration, i.e. the network and
 * exceptions objects as the network file gives them, every milestone merged with the ones before
 * it, and the genesis block.
 */
public final class CryptoConfiguration {
  private CryptoConfiguration() {}

  public static ObjectNode toJson(Network network) {
    JsonNode definition = network.definition();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("network", definition.get("network"));
    o.set("exceptions", definition.get("exceptions"));
    ArrayNode milestones = o.putArray("milestones");
    for (Milestone m : network.milestones().all()) {
      milestones.add(m.raw().deepCopy());
    }
    if (network.hasGenesisBlock()) {
      o.set("genesisBlock", network.genesisBlock().deepCopy());
    }
    return o;
  }
}
