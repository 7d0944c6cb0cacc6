package com.osmosecollective.node.core.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Block JSON as ARK 3's {@code Block.toJson} writes it (amounts as decimal strings) and as network
 * files and ARK 2.0 genesis blocks carry it (amounts as numbers).
 */
public final class BlockJson {
  /** Bound on the transactions a JSON block may list, whatever its header claims. */
  private static final int MAX_JSON_TRANSACTIONS = 100_000;

  private final BlockCodec codec;
  private final int pubKeyHash;

  public BlockJson(BlockCodec codec, int pubKeyHash) {
    this.codec = codec;
    this.pubKeyHash = pubKeyHash;
  }

  public static ObjectNode toJson(Block block) {
    BlockHeader h = block.header();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("version", h.version());
    out.put("timestamp", h.timestamp());
    out.put("height", h.height());
    if (h.previousBlock() == null) {
      out.putNull("previousBlockHex");
      out.putNull("previousBlock");
    } else {
      out.put("previousBlockHex", BlockIds.toHex(h.previousBlock()));
      out.put("previousBlock", h.previousBlock());
    }
    out.put("numberOfTransactions", h.numberOfTransactions());
    out.put("totalAmount", Long.toString(h.totalAmount()));
    out.put("totalFee", Long.toString(h.totalFee()));
    out.put("reward", Long.toString(h.reward()));
    out.put("payloadLength", h.payloadLength());
    out.put("payloadHash", Hex.encode(h.payloadHash()));
    out.put("generatorPublicKey", Hex.encode(h.generatorPublicKey()));
    byte[] signature = h.blockSignature();
    if (signature != null) {
      out.put("blockSignature", Hex.encode(signature));
    }
    out.put("idHex", block.idHex());
    out.put("id", block.id());
    ArrayNode txs = out.putArray("transactions");
    int sequence = 0;
    for (Transaction tx : block.transactions()) {
      ObjectNode txJson = TransactionJson.toJson(tx);
      txJson.put("blockId", block.id());
      txJson.put("blockHeight", h.height());
      txJson.put("sequence", sequence++);
      txs.add(txJson);
    }
    return out;
  }

  /**
   * Parses block JSON. A genesis block keeps its declared id (ARK does the same: the declared id
   * was computed by the generators' own rule, checked separately by the genesis verifier); any
   * other block's declared id must equal the computed one.
   */
  public Block parse(JsonNode json) throws DecodeException {
    if (json == null || !json.isObject()) {
      throw new DecodeException("block JSON must be an object");
    }
    long height = unsigned(json, "height", 0xffffffffL);
    if (height < 1) {
      throw new DecodeException("height must be at least 1");
    }
    JsonNode txArray = json.path("transactions");
    if (!txArray.isMissingNode() && !txArray.isArray()) {
      throw new DecodeException("transactions must be an array");
    }
    if (txArray.size() > MAX_JSON_TRANSACTIONS) {
      throw new DecodeException("too many transactions in block JSON");
    }
    List<Transaction> transactions = new ArrayList<>(txArray.size());
    for (JsonNode tx : txArray) {
      transactions.add(TransactionJson.parse(tx, pubKeyHash));
    }
    JsonNode previous = json.get("previousBlock");
    String previousBlock = previous == null || previous.isNull() ? null : previous.asText();
    if (previousBlock != null
        && !BlockIds.hasShape(previousBlock, codec.headers().previousIsFullSha256(height))) {
      throw new DecodeException("previousBlock has the wrong shape for this height");
    }
    if (height == 1 && previousBlock != null && previousBlock.chars().allMatch(c -> c == '0')) {
      // a genesis block written for ARK with full ids from height 1 says 64 zeros, the same
      // bytes that null stands for (GenesisBuilder.writeInto): both read as "no parent"
      previousBlock = null;
    }
    BlockHeader header =
        new BlockHeader(
            (int) unsigned(json, "version", Integer.MAX_VALUE),
            unsigned(json, "timestamp", 0xffffffffL),
            height,
            previousBlock,
            (int) unsigned(json, "numberOfTransactions", Integer.MAX_VALUE),
            unsigned(json, "totalAmount", Long.MAX_VALUE),
            unsigned(json, "totalFee", Long.MAX_VALUE),
            unsigned(json, "reward", Long.MAX_VALUE),
            unsigned(json, "payloadLength", 0xffffffffL),
            Hex.decode(json.path("payloadHash").asText(null), 32, "payloadHash"),
            Hex.decode(json.path("generatorPublicKey").asText(null), 33, "generatorPublicKey"),
            signature(json));
    String declared = json.hasNonNull("id") ? json.get("id").asText() : null;
    if (height == 1 && declared != null) {
      return new Block(header, transactions, declared);
    }
    String computed = codec.idOf(header);
    if (declared != null && !declared.equals(computed)) {
      throw new DecodeException(
          "declared id " + declared + " does not match computed id " + computed);
    }
    return new Block(header, transactions, computed);
  }

  private static byte[] signature(JsonNode json) throws DecodeException {
    JsonNode node = json.get("blockSignature");
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText();
    if (text.length() > 2 * BlockHeaderCodec.MAX_SIGNATURE_LENGTH) {
      throw new DecodeException("blockSignature is too long");
    }
    return Hex.decode(text);
  }

  /** An integer field given as a JSON number or a decimal string, within 0..max. */
  private static long unsigned(JsonNode json, String field, long max) throws DecodeException {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw new DecodeException(field + " is required");
    }
    long value;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.asLong();
    } else if (node.isTextual() && node.asText().matches("[0-9]{1,19}")) {
      try {
        value = Long.parseLong(node.asText());
      } catch (NumberFormatException e) {
        throw new DecodeException(field + " is out of range");
      }
    } else {
      throw new DecodeException(field + " must be a non-negative integer");
    }
    if (value < 0 || value > max) {
      throw new DecodeException(field + " is out of range");
    }
    return value;
  }
}
