package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.storage.BlockData;

/**
 * ARK's transformed block ({@code transform=true}): totals as strings under {@code forged}, the
 * payload, the generator, confirmations against the tip and the timestamp object.
 */
public final class BlockResource {
  private final BlockCodec codec;
  private final int pubKeyHash;
  private final ArkTimestamp timestamps;

  public BlockResource(Network network) {
    this.codec = new BlockCodec(network);
    this.pubKeyHash = network.pubKeyHash();
    this.timestamps = new ArkTimestamp(network.epoch());
  }

  /**
   * ARK's transformed block.
   *
   * @param generatorUsername the generator's delegate username, or null (then omitted, as ARK does
   *     for a generator wallet without one)
   * @param tipHeight height of the chain tip the answer is given against
   */
  public ObjectNode toJson(BlockData block, String generatorUsername, long tipHeight) {
    // a block without transactions has no multi-payment to add: its header is enough
    Block decoded = block.transactionCount() == 0 ? null : decode(block);
    BlockHeader header = decoded == null ? decodeHeader(block) : decoded.header();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", block.id());
    o.put("version", header.version());
    o.put("height", block.height());
    if (block.previousId() == null) {
      o.put("previous", "0"); // ARK answers "0" for the genesis block's missing predecessor
    } else {
      o.put("previous", block.previousId());
    }
    ObjectNode forged = o.putObject("forged");
    forged.put("reward", Long.toString(block.reward()));
    forged.put("fee", Long.toString(block.totalFee()));
    forged.put("amount", Long.toString(forgedAmount(block, decoded)));
    forged.put("total", Long.toString(Math.addExact(block.reward(), block.totalFee())));
    ObjectNode payload = o.putObject("payload");
    payload.put("hash", Hex.encode(header.payloadHash()));
    payload.put("length", header.payloadLength());
    ObjectNode generator = o.putObject("generator");
    if (generatorUsername != null) {
      generator.put("username", generatorUsername);
    }
    generator.put("address", Address.fromPublicKey(header.generatorPublicKey(), pubKeyHash));
    generator.put("publicKey", block.generatorPublicKey());
    o.put("signature", Hex.encode(header.blockSignature()));
    o.put("confirmations", Math.max(0, tipHeight - block.height()));
    o.put("transactions", block.transactionCount());
    o.set("timestamp", timestamps.toJson(block.timestamp()));
    return o;
  }

  /** The header's total plus what multi-payments move, which ARK's header total leaves out. */
  private static long forgedAmount(BlockData block, Block decoded) {
    long amount = block.totalAmount();
    if (decoded == null) {
      return amount;
    }
    for (Transaction tx : decoded.transactions()) {
      if (tx.asset() instanceof Asset.MultiPayment mp) {
        for (Asset.Payment p : mp.payments()) {
          amount = Math.addExact(amount, p.amount());
        }
      }
    }
    return amount;
  }

  private BlockHeader decodeHeader(BlockData block) {
    try {
      return codec.decodeHeader(block.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "stored block " + block.id() + " does not decode: " + e.getMessage(), e);
    }
  }

  private Block decode(BlockData block) {
    try {
      return codec.decode(block.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "stored block " + block.id() + " does not decode: " + e.getMessage(), e);
    }
  }
}
