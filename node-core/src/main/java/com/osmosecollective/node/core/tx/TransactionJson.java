package com.osmosecollective.node.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;

/**
 * ARK Core 3's transaction JSON ({@code Transaction.toJson}, spec §4.1): amounts, fees and nonces
 * as decimal strings, typeGroup omitted when 1, nonce only for v2, timestamp only for v1, v1 votes
 * with {@code recipientId} = the sender's address. {@link #parse} reads the same shape back (REST
 * POST bodies, SDK output) and ARK 2.0's genesis form.
 */
public final class TransactionJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TransactionJson() {}

  public static ObjectNode toJson(Transaction tx) {
    ObjectNode o = F.objectNode();
    o.put("version", tx.version());
    o.put("network", tx.network());
    if (tx.typeGroup() != TransactionType.CORE_TYPE_GROUP) {
      o.put("typeGroup", tx.typeGroup());
    }
    o.put("type", tx.type().code());
    if (tx.version() == 1) {
      putInteger(o, "timestamp", tx.timestamp());
    } else {
      o.put("nonce", Long.toString(tx.nonce()));
    }
    o.put("senderPublicKey", tx.senderPublicKey().hex());
    o.put("fee", Long.toString(tx.fee()));
    o.put("amount", Long.toString(tx.amount()));
    if (tx.vendorField() != null) {
      o.put("vendorField", tx.vendorField());
    }
    Asset asset = tx.asset();
    if (asset instanceof Asset.Transfer t) {
      putInteger(o, "expiration", t.expiration());
      o.put("recipientId", Address.fromPayload(t.recipient().toArray()));
    } else if (asset instanceof Asset.HtlcLock l) {
      o.put("recipientId", Address.fromPayload(l.recipient().toArray()));
    }
    ObjectNode assetJson = assetJson(asset);
    if (assetJson != null) {
      o.set("asset", assetJson);
    }
    if (tx.signature() != null) {
      o.put("signature", tx.signature().hex());
    }
    if (tx.secondSignature() != null) {
      o.put("secondSignature", tx.secondSignature().hex());
    }
    if (!tx.signatures().isEmpty()) {
      ArrayNode list = o.putArray("signatures");
      tx.signatures().forEach(s -> list.add(s.hex()));
    }
    if (tx.version() == 1 && asset instanceof Asset.Vote) {
      o.put("recipientId", Address.fromPublicKey(tx.senderPublicKey().toArray(), tx.network()));
    }
    o.put("id", tx.id());
    return o;
  }

  /**
   * The {@code asset} object of a transaction's JSON, or null when the type has none (transfers,
   * resignations). The REST API's transaction resource reuses it.
   */
  public static ObjectNode assetJson(Asset asset) {
    ObjectNode a = F.objectNode();
    if (asset instanceof Asset.SecondSignature s) {
      a.putObject("signature").put("publicKey", s.publicKey().hex());
    } else if (asset instanceof Asset.DelegateRegistration d) {
      a.putObject("delegate").put("username", d.username());
    } else if (asset instanceof Asset.Vote v) {
      ArrayNode votes = a.putArray("votes");
      v.votes().forEach(e -> votes.add(e.text()));
    } else if (asset instanceof Asset.MultiSignature m) {
      ObjectNode ms = a.putObject("multiSignature");
      ArrayNode keys = ms.putArray("publicKeys");
      m.publicKeys().forEach(k -> keys.add(k.hex()));
      ms.put("min", m.min());
    } else if (asset instanceof Asset.MultiSignatureLegacy m) {
      ObjectNode ms = a.putObject("multiSignatureLegacy");
      ms.put("min", m.min());
      ms.put("lifetime", m.lifetime());
      ArrayNode keys = ms.putArray("keysgroup");
      m.keysgroup().forEach(k -> keys.add("+" + k.hex()));
    } else if (asset instanceof Asset.Ipfs i) {
      a.put("ipfs", Base58.encode(i.multihash().toArray()));
    } else if (asset instanceof Asset.MultiPayment mp) {
      ArrayNode payments = a.putArray("payments");
      for (Asset.Payment p : mp.payments()) {
        payments
            .addObject()
            .put("amount", Long.toString(p.amount()))
            .put("recipientId", Address.fromPayload(p.recipient().toArray()));
      }
    } else if (asset instanceof Asset.HtlcLock l) {
      ObjectNode lock = a.putObject("lock");
      lock.put("secretHash", l.secretHash().hex());
      ObjectNode expiration = lock.putObject("expiration").put("type", l.expirationType());
      putInteger(expiration, "value", l.expirationValue());
    } else if (asset instanceof Asset.HtlcClaim c) {
      a.putObject("claim")
          .put("lockTransactionId", c.lockTransactionId().hex())
          .put("unlockSecret", c.unlockSecret().hex());
    } else if (asset instanceof Asset.HtlcRefund r) {
      a.putObject("refund").put("lockTransactionId", r.lockTransactionId().hex());
    } else {
      return null; // transfers carry no asset object; resignations have none
    }
    return a;
  }

  /**
   * Parses ARK transaction JSON. A given {@code id} is ignored (the id is always computed); the
   * {@code network} field defaults to {@code pubKeyHash} when absent and every address must belong
   * to {@code pubKeyHash}. Structural problems are {@link DecodeException}s; the rules of the
   * schema are checked separately by {@link TransactionSchema}.
   */
  public static Transaction parse(JsonNode json, int pubKeyHash) throws DecodeException {
    return TransactionJsonParser.parse(json, pubKeyHash);
  }

  /**
   * As an int node when it fits, like Jackson's own parser, so parsed and built JSON compare equal.
   */
  private static void putInteger(ObjectNode o, String field, long value) {
    if (value == (int) value) {
      o.put(field, (int) value);
    } else {
      o.put(field, value);
    }
  }

  static Bytes address(JsonNode node, String field, int pubKeyHash) throws DecodeException {
    if (node == null || !node.isTextual()) {
      throw new DecodeException(field + " must be an address string");
    }
    try {
      return Bytes.of(Address.decode(node.asText(), pubKeyHash));
    } catch (DecodeException e) {
      throw new DecodeException(field + ": " + e.getMessage());
    }
  }
}
