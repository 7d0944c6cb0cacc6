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
      milestones.add(withArkKeys(m));
    }
    if (network.hasGenesisBlock()) {
      o.set("genesisBlock", arkGenesisBlock(network.genesisBlock()));
    }
    return o;
  }

  private static final java.util.List<String> FEE_KEYS =
      java.util.List.of(
          "transfer",
          "secondSignature",
          "delegateRegistration",
          "vote",
          "multiSignature",
          "ipfs",
          "multiPayment",
          "delegateResignation",
          "htlcLock",
          "htlcClaim",
          "htlcRefund");

  /**
   * One merged milestone as written, plus every key ARK's milestones carry that the network file
   * leaves to defaults, with the value this node applies: the block limits, {@code fees.staticFees}
   * (ARK 2.0 files list fees flat), {@code vendorFieldLength}, {@code multiPaymentLimit}, {@code
   * aip11}, {@code htlcEnabled} and {@code aip36}, which is false unless the file sets it: this
   * node runs none of ARK's magistrate transactions (type group 2) that {@code aip36} enables.
   */
  static ObjectNode withArkKeys(Milestone m) {
    ObjectNode o = m.raw().deepCopy();
    JsonNode blockNode = o.get("block");
    ObjectNode block = blockNode instanceof ObjectNode b ? b : o.putObject("block");
    if (!block.has("version")) {
      block.put("version", m.blockVersion());
    }
    if (!block.has("maxTransactions")) {
      block.put("maxTransactions", m.maxTransactions());
    }
    if (!block.has("maxPayload")) {
      block.put("maxPayload", m.maxPayload());
    }
    if (!block.has("idFullSha256")) {
      block.put("idFullSha256", m.idFullSha256());
    }
    JsonNode feesNode = o.get("fees");
    ObjectNode fees = feesNode instanceof ObjectNode f ? f : o.putObject("fees");
    if (!fees.has("staticFees")) {
      ObjectNode table = fees.putObject("staticFees");
      for (String key : FEE_KEYS) {
        if (m.staticFees().containsKey(key)) {
          table.put(key, m.staticFees().get(key));
        }
      }
    }
    if (!o.has("vendorFieldLength")) {
      o.put("vendorFieldLength", m.vendorFieldLength());
    }
    if (!o.has("multiPaymentLimit")) {
      o.put("multiPaymentLimit", m.multiPaymentLimit());
    }
    if (!o.has("aip11")) {
      o.put("aip11", m.aip11());
    }
    if (!o.has("htlcEnabled")) {
      o.put("htlcEnabled", m.htlcEnabled());
    }
    if (!o.has("aip36")) {
      o.put("aip36", false);
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
