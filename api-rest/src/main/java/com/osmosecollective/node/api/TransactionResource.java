package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.storage.StoredTransaction;

/**
 * ARK's transformed transaction joined with its block ({@code transaction-with-block}): the
 * recipient falls back to the sender, optional fields are omitted when absent, confirmations count
 * the transaction's own block, and the timestamp is the block's.
 */
public final class TransactionResource {
  private final Network network;
  private final ArkTimestamp timestamps;

  public TransactionResource(Network network) {
    this.network = network;
    this.timestamps = new ArkTimestamp(network.epoch());
  }

  /**
   * ARK's transaction joined with its block.
   *
   * @param tipHeight height of the chain tip the answer is given against
   */
  public ObjectNode toJson(StoredTransaction stored, long tipHeight) {
    return toJson(stored, tipHeight, true);
  }

  /**
   * ARK's plain transaction resource, used where the answer is not joined with the block (a block's
   * transaction list): confirmations 0, and a timestamp only for v1 transactions, which carry their
   * own.
   */
  public ObjectNode toJsonWithoutBlock(StoredTransaction stored) {
    return toJson(stored, 0, false);
  }

  /**
   * ARK's plain resource of a pool transaction ({@code /transactions/unconfirmed}): no block id,
   * confirmations 0, a timestamp only for v1 transactions.
   */
  public ObjectNode toJsonPending(Transaction tx) {
    return toJson(
        tx,
        Address.fromPublicKey(tx.senderPublicKey().toArray(), network.pubKeyHash()),
        null,
        0,
        0,
        0,
        false);
  }

  private ObjectNode toJson(StoredTransaction stored, long tipHeight, boolean withBlock) {
    return toJson(
        decode(stored),
        stored.tx().senderAddress(),
        stored.blockId(),
        stored.height(),
        stored.timestamp(),
        tipHeight,
        withBlock);
  }

  private ObjectNode toJson(
      Transaction tx,
      String sender,
      String blockId,
      long height,
      long blockTimestamp,
      long tipHeight,
      boolean withBlock) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", tx.id());
    if (blockId != null) {
      o.put("blockId", blockId);
    }
    o.put("version", tx.version());
    o.put("type", tx.type().code());
    o.put("typeGroup", tx.typeGroup());
    o.put("amount", Long.toString(tx.amount()));
    o.put("fee", Long.toString(tx.fee()));
    o.put("sender", sender);
    o.put("senderPublicKey", tx.senderPublicKey().hex());
    o.put("recipient", recipient(tx, sender));
    if (tx.signature() != null) {
      o.put("signature", tx.signature().hex());
    }
    if (tx.secondSignature() != null) {
      o.put("signSignature", tx.secondSignature().hex());
    }
    if (!tx.signatures().isEmpty()) {
      ArrayNode list = o.putArray("signatures");
      tx.signatures().forEach(s -> list.add(s.hex()));
    }
    if (tx.vendorField() != null) {
      o.put("vendorField", tx.vendorField());
    }
    ObjectNode asset = TransactionJson.assetJson(tx.asset());
    if (asset != null) {
      o.set("asset", asset);
    }
    if (withBlock) {
      o.put("confirmations", Math.max(0, tipHeight - height + 1));
      o.set("timestamp", timestamps.toJson(blockTimestamp));
    } else {
      o.put("confirmations", 0);
      if (tx.version() == 1) {
        o.set("timestamp", timestamps.toJson(tx.timestamp()));
      }
    }
    if (tx.version() >= 2) {
      // v1 transactions carry no nonce; ARK prints the nonce its database assigned them, which
      // storage does not keep (README: known gaps)
      o.put("nonce", Long.toString(tx.nonce()));
    }
    return o;
  }

  private static String recipient(Transaction tx, String sender) {
    if (tx.asset() instanceof Asset.Transfer t) {
      return Address.fromPayload(t.recipient().toArray());
    }
    if (tx.asset() instanceof Asset.HtlcLock l) {
      return Address.fromPayload(l.recipient().toArray());
    }
    return sender;
  }

  private Transaction decode(StoredTransaction stored) {
    try {
      return TransactionDecoder.decode(
          stored.tx().serialized(), TxContext.of(network, stored.height()));
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "stored transaction " + stored.tx().id() + " does not decode: " + e.getMessage(), e);
    }
  }
}
