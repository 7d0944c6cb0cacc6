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
      o.set("genesisBlock", arkGenesisBlock(network.genesisBlock()));
    }
    return o;
  }

  private static final java.util.List<String> BLOCK_KEYS =
      java.util.List.of(
          "version",
          "totalAmount",
          "totalFee",
          "reward",
          "payloadHash",
          "timestamp",
          "numberOfTransactions",
          "payloadLength",
          "previousBlock",
          "generatorPublicKey",
          "transactions",
          "height",
          "id",
          "blockSignature");

  private static final java.util.List<String> TRANSACTION_KEYS =
      java.util.List.of(
          "type",
          "amount",
          "fee",
          "recipientId",
          "timestamp",
          "asset",
          "senderPublicKey",
          "signature",
          "signSignature",
          "vendorField",
          "id",
          "version",
          "typeGroup");

  /**
   * The genesis block as ARK's crypto configuration publishes it: its fields only, in ARK's order,
   * each transaction with {@code asset} ({@code {}} when none), {@code timestamp} and {@code
   * typeGroup}; whatever else a network file carries (hex ids, heights, expirations, sender
   * addresses) is left out.
   */
  static ObjectNode arkGenesisBlock(JsonNode block) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : BLOCK_KEYS) {
      if (key.equals("transactions")) {
        ArrayNode txs = out.putArray("transactions");
        for (JsonNode tx : block.path("transactions")) {
          txs.add(arkGenesisTransaction(tx, block.path("timestamp")));
        }
      } else if (block.has(key)) {
        out.set(key, block.get(key).deepCopy());
      }
    }
    return out;
  }

  /**
   * ARK's fields of one genesis transaction in the network file's own order (ARK publishes the
   * file's order, which differs between transactions), then the ones it always has but the file may
   * lack ({@code timestamp}, {@code asset}, {@code typeGroup}).
   */
  private static ObjectNode arkGenesisTransaction(JsonNode tx, JsonNode blockTimestamp) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    tx.properties()
        .forEach(
            e -> {
              if (TRANSACTION_KEYS.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    if (!out.has("timestamp")) {
      out.set(
          "timestamp",
          blockTimestamp.isMissingNode()
              ? JsonNodeFactory.instance.numberNode(0)
              : blockTimestamp.deepCopy());
    }
    if (!out.has("asset")) {
      out.putObject("asset");
    }
    if (!out.has("typeGroup")) {
      out.put("typeGroup", 1);
    }
    return out;
  }
}
