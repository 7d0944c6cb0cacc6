package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.Map;

/**
 * ARK's untransformed answers ({@code transform=false}): what its database hands the API. A block
 * is its table row (amounts as strings, the genesis block's {@code previousBlock} "0"); a
 * transaction is the data ARK's deserializer builds from the stored bytes (fields in the order it
 * sets them, {@code typeGroup} always present) followed by {@code blockId}, {@code blockHeight} and
 * {@code sequence}; a pool transaction is the deserialized data alone.
 */
final class RawJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Network network;
  private final BlockCodec blocks;

  RawJson(Network network) {
    this.network = network;
    this.blocks = new BlockCodec(network);
  }

  ObjectNode block(BlockData block) {
    BlockHeader header;
    try {
      header = blocks.decodeHeader(block.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException("stored block " + block.id() + " does not decode", e);
    }
    ObjectNode o = F.objectNode();
    o.put("id", block.id());
    o.put("version", header.version());
    o.put("timestamp", block.timestamp());
    o.put("previousBlock", block.previousId() == null ? "0" : block.previousId());
    o.put("height", block.height());
    o.put("numberOfTransactions", block.transactionCount());
    o.put("totalAmount", Long.toString(block.totalAmount()));
    o.put("totalFee", Long.toString(block.totalFee()));
    o.put("reward", Long.toString(block.reward()));
    o.put("payloadLength", header.payloadLength());
    o.put("payloadHash", Hex.encode(header.payloadHash()));
    o.put("generatorPublicKey", block.generatorPublicKey());
    o.put("blockSignature", Hex.encode(header.blockSignature()));
    return o;
  }

  ObjectNode transaction(StoredTransaction stored) {
    ObjectNode o = pendingTransaction(decode(stored));
    o.put("blockId", stored.blockId());
    o.put("blockHeight", stored.height());
    o.put("sequence", stored.tx().position());
    return o;
  }

  /**
   * The deserialized data: v2 transactions get {@code typeGroup} after {@code network}; v1 ones get
   * it where ARK's v1 compatibility step adds it, after the signatures (before a vote's {@code
   * recipientId}, which that step adds too).
   */
  ObjectNode pendingTransaction(Transaction tx) {
    ObjectNode json = TransactionJson.toJson(tx);
    ObjectNode o = F.objectNode();
    boolean v1 = tx.version() == 1;
    String typeGroupBefore = v1 ? (tx.asset() instanceof Asset.Vote ? "recipientId" : "id") : null;
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      String key = e.getKey();
      if (key.equals("typeGroup")) {
        continue;
      }
      if (v1 && key.equals(typeGroupBefore)) {
        o.put("typeGroup", tx.typeGroup());
      }
      o.set(key, e.getValue());
      if (!v1 && key.equals("network")) {
        o.put("typeGroup", tx.typeGroup());
      }
    }
    return o;
  }

  Transaction decode(StoredTransaction stored) {
    try {
      return TransactionDecoder.decode(
          stored.tx().serialized(), TxContext.of(network, stored.height()));
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "stored transaction " + stored.tx().id() + " does not decode: " + e.getMessage(), e);
    }
  }
}
