package com.osmosecollective.node.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Reads ARK 3 transaction JSON and ARK 2.0 genesis JSON into a {@link Transaction}. */
final class TransactionJsonParser {
  private static final int MAX_LIST = 0xffff;

  private TransactionJsonParser() {}

  static Transaction parse(JsonNode json, int pubKeyHash) throws DecodeException {
    if (json == null || !json.isObject()) {
      throw new DecodeException("transaction JSON must be an object");
    }
    try {
      return read(json, pubKeyHash);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new DecodeException("invalid transaction: " + e.getMessage());
    }
  }

  private static Transaction read(JsonNode json, int pubKeyHash) throws DecodeException {
    int version = (int) optionalInteger(json, "version", 1, 2, 1);
    int network = (int) optionalInteger(json, "network", 0, 0xff, pubKeyHash);
    int typeGroup = (int) optionalInteger(json, "typeGroup", 0, 0xffffffffL, 1);
    if (typeGroup != TransactionType.CORE_TYPE_GROUP) {
      throw new DecodeException("unknown typeGroup " + typeGroup);
    }
    long typeCode = integer(json.get("type"), "type", 0, 0xffff);
    TransactionType type =
        TransactionType.fromCode((int) typeCode)
            .filter(t -> version == 2 || t.existsInVersion1())
            .orElseThrow(() -> new DecodeException("unknown transaction type Core/" + typeCode));
    Transaction.Builder b = Transaction.builder().version(version).network(network);
    if (version == 1) {
      b.timestamp(integer(json.get("timestamp"), "timestamp", 0, 0xffffffffL));
    } else {
      b.nonce(amount(json.get("nonce"), "nonce"));
    }
    b.senderPublicKey(hex(json.get("senderPublicKey"), "senderPublicKey", 33));
    b.fee(amount(json.get("fee"), "fee"));
    long amount = json.hasNonNull("amount") ? amount(json.get("amount"), "amount") : 0;
    b.vendorField(vendorField(json, type));
    JsonNode asset = json.path("asset");
    b.asset(asset(type, version, json, asset, pubKeyHash));
    b.amount(amount);
    if (json.hasNonNull("signature")) {
      b.signature(signature(json.get("signature"), "signature"));
    }
    JsonNode second =
        json.hasNonNull("secondSignature")
            ? json.get("secondSignature")
            : json.get("signSignature");
    if (second != null && !second.isNull()) {
      b.secondSignature(signature(second, "secondSignature"));
    }
    JsonNode signatures = json.get("signatures");
    if (signatures != null && !signatures.isNull()) {
      List<Bytes> list = new ArrayList<>();
      for (JsonNode s : array(signatures, "signatures", 16)) {
        list.add(version == 2 ? hex(s, "signatures[]", 65) : signature(s, "signatures[]"));
      }
      b.signatures(version == 2 ? list : concatenated(list));
    }
    return b.build();
  }

  private static String vendorField(JsonNode json, TransactionType type) throws DecodeException {
    JsonNode vf = json.get("vendorField");
    String text = null;
    if (vf != null && !vf.isNull()) {
      if (!vf.isTextual()) {
        throw new DecodeException("vendorField must be a string");
      }
      text = vf.asText();
    } else if (json.hasNonNull("vendorFieldHex")) {
      // ARK 2.0 carried the raw bytes beside (or instead of) the text
      text = AssetCodec.utf8(Hex.decode(json.get("vendorFieldHex").asText()));
    }
    if (text != null && !text.isEmpty() && !type.hasVendorField()) {
      throw new DecodeException("vendorField is not allowed on " + type.feeKey());
    }
    if (text != null && TransactionSerializer.utf8(text).length > 255) {
      throw new DecodeException("vendorField is longer than 255 bytes");
    }
    return text;
  }

  private static Asset asset(
      TransactionType type, int version, JsonNode json, JsonNode asset, int pubKeyHash)
      throws DecodeException {
    switch (type) {
      case TRANSFER -> {
        long expiration = optionalInteger(json, "expiration", 0, 0xffffffffL, 0);
        return new Asset.Transfer(
            expiration,
            TransactionJson.address(json.get("recipientId"), "recipientId", pubKeyHash));
      }
      case SECOND_SIGNATURE -> {
        return new Asset.SecondSignature(
            hex(asset.path("signature").get("publicKey"), "asset.signature.publicKey", 33));
      }
      case DELEGATE_REGISTRATION -> {
        JsonNode name = asset.path("delegate").get("username");
        if (name == null || !name.isTextual()) {
          throw new DecodeException("asset.delegate.username must be a string");
        }
        if (TransactionSerializer.utf8(name.asText()).length > 255) {
          throw new DecodeException("asset.delegate.username is longer than 255 bytes");
        }
        return new Asset.DelegateRegistration(name.asText());
      }
      case VOTE -> {
        List<Asset.VoteEntry> votes = new ArrayList<>();
        for (JsonNode v : array(asset.get("votes"), "asset.votes", 0xff)) {
          String text = v.isTextual() ? v.asText() : "";
          if (text.length() != 67 || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
            throw new DecodeException("asset.votes[] must be '+' or '-' and a 66-hex key");
          }
          votes.add(
              new Asset.VoteEntry(
                  text.charAt(0) == '+', Bytes.fromHex(text.substring(1), 33, "vote key")));
        }
        return new Asset.Vote(votes);
      }
      case MULTI_SIGNATURE -> {
        return version == 1 ? legacyMultiSignature(asset) : multiSignature(asset);
      }
      case IPFS -> {
        JsonNode ipfs = asset.get("ipfs");
        if (ipfs == null || !ipfs.isTextual() || ipfs.asText().length() > 256) {
          throw new DecodeException("asset.ipfs must be a base58 string");
        }
        byte[] multihash = Base58.decode(ipfs.asText());
        if (multihash.length < 2 || (multihash[1] & 0xff) != multihash.length - 2) {
          throw new DecodeException("asset.ipfs is not a multihash (length byte mismatch)");
        }
        return new Asset.Ipfs(Bytes.of(multihash));
      }
      case MULTI_PAYMENT -> {
        List<Asset.Payment> payments = new ArrayList<>();
        for (JsonNode p : array(asset.get("payments"), "asset.payments", MAX_LIST)) {
          payments.add(
              new Asset.Payment(
                  amount(p.get("amount"), "asset.payments[].amount"),
                  TransactionJson.address(
                      p.get("recipientId"), "asset.payments[].recipientId", pubKeyHash)));
        }
        return new Asset.MultiPayment(payments);
      }
      case DELEGATE_RESIGNATION -> {
        return new Asset.DelegateResignation();
      }
      case HTLC_LOCK -> {
        JsonNode lock = asset.path("lock");
        JsonNode expiration = lock.path("expiration");
        return new Asset.HtlcLock(
            hex(lock.get("secretHash"), "asset.lock.secretHash", 32),
            (int) integer(expiration.get("type"), "asset.lock.expiration.type", 0, 0xff),
            integer(expiration.get("value"), "asset.lock.expiration.value", 0, 0xffffffffL),
            TransactionJson.address(json.get("recipientId"), "recipientId", pubKeyHash));
      }
      case HTLC_CLAIM -> {
        JsonNode claim = asset.path("claim");
        return new Asset.HtlcClaim(
            hex(claim.get("lockTransactionId"), "asset.claim.lockTransactionId", 32),
            hex(claim.get("unlockSecret"), "asset.claim.unlockSecret", 32));
      }
      case HTLC_REFUND -> {
        return new Asset.HtlcRefund(
            hex(
                asset.path("refund").get("lockTransactionId"),
                "asset.refund.lockTransactionId",
                32));
      }
    }
    throw new DecodeException("unknown transaction type " + type);
  }

  private static Asset multiSignature(JsonNode asset) throws DecodeException {
    JsonNode ms = asset.path("multiSignature");
    List<Bytes> keys = new ArrayList<>();
    for (JsonNode k : array(ms.get("publicKeys"), "asset.multiSignature.publicKeys", 0xff)) {
      keys.add(hex(k, "asset.multiSignature.publicKeys[]", 33));
    }
    return new Asset.MultiSignature(
        (int) integer(ms.get("min"), "asset.multiSignature.min", 0, 0xff), keys);
  }

  private static Asset legacyMultiSignature(JsonNode asset) throws DecodeException {
    JsonNode ms =
        asset.has("multiSignatureLegacy")
            ? asset.get("multiSignatureLegacy")
            : asset.path("multisignature");
    List<Bytes> keys = new ArrayList<>();
    for (JsonNode k : array(ms.get("keysgroup"), "keysgroup", 0xff)) {
      String text = k.isTextual() ? k.asText() : "";
      keys.add(Bytes.fromHex(text.startsWith("+") ? text.substring(1) : text, 33, "keysgroup key"));
    }
    return new Asset.MultiSignatureLegacy(
        (int) integer(ms.get("min"), "multisignature.min", 0, 0xff),
        (int) integer(ms.get("lifetime"), "multisignature.lifetime", 0, 0xff),
        keys);
  }

  /**
   * ARK 2.0 listed legacy multi-signatures one by one; ARK 3 (and the wire) keep them as one
   * concatenated blob, which is the canonical form here.
   */
  private static List<Bytes> concatenated(List<Bytes> list) {
    if (list.size() <= 1) {
      return list;
    }
    com.osmosecollective.node.core.encoding.ByteWriter w =
        new com.osmosecollective.node.core.encoding.ByteWriter();
    list.forEach(s -> s.writeTo(w));
    return List.of(Bytes.of(w.toByteArray()));
  }

  private static Iterable<JsonNode> array(JsonNode node, String field, int max)
      throws DecodeException {
    if (node == null || !node.isArray()) {
      throw new DecodeException(field + " must be an array");
    }
    if (node.size() > max) {
      throw new DecodeException(field + " has more than " + max + " entries");
    }
    return node;
  }

  private static Bytes hex(JsonNode node, String field, int length) throws DecodeException {
    if (node == null || !node.isTextual()) {
      throw new DecodeException(field + " must be a hex string");
    }
    return Bytes.fromHex(node.asText(), length, field);
  }

  /** A DER or Schnorr signature: hex of at most 255 bytes. */
  private static Bytes signature(JsonNode node, String field) throws DecodeException {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new DecodeException(field + " must be a hex string");
    }
    if (node.asText().length() > 2 * 1024) {
      throw new DecodeException(field + " is too long");
    }
    return Bytes.fromHex(node.asText());
  }

  /** A decimal string or an integral JSON number within 0..2^63-1. */
  static long amount(JsonNode node, String field) throws DecodeException {
    if (node == null || node.isNull()) {
      throw new DecodeException(field + " is required");
    }
    String text;
    if (node.isTextual()) {
      text = node.asText();
    } else if (node.isIntegralNumber()) {
      text = node.bigIntegerValue().toString();
    } else {
      throw new DecodeException(field + " must be a decimal string or an integer");
    }
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new DecodeException(
          field + " must be an integer within 0..2^63-1: " + abbreviate(text));
    }
    BigInteger value = new BigInteger(text);
    if (value.bitLength() > 63) {
      throw new DecodeException(field + " exceeds 2^63-1");
    }
    return value.longValueExact();
  }

  private static long integer(JsonNode node, String field, long min, long max)
      throws DecodeException {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new DecodeException(field + " must be an integer");
    }
    long v = node.asLong();
    if (v < min || v > max) {
      throw new DecodeException(field + " must be within " + min + ".." + max);
    }
    return v;
  }

  private static long optionalInteger(JsonNode json, String field, long min, long max, long dflt)
      throws DecodeException {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? dflt : integer(node, field, min, max);
  }

  private static String abbreviate(String s) {
    return s.length() > 24 ? s.substring(0, 24) + "…" : s;
  }
}
