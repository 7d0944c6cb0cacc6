package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ARK's transaction filters (spec §8.2 footnote 2): exact values (a comma-separated list is any of
 * them), numeric ranges {@code {from,to}}, {@code vendorField} with {@code %} wildcards and {@code
 * asset} containment. Parsed once per request; {@link #test} checks one stored transaction.
 */
record TransactionCriteria(
    Set<String> id,
    Set<String> blockId,
    Set<String> senderId,
    Set<String> senderPublicKey,
    Set<String> recipientId,
    Set<String> address,
    Set<Long> type,
    Set<Long> typeGroup,
    Range version,
    Range nonce,
    Range timestamp,
    Range amount,
    Range fee,
    Range sequence,
    Like vendorField,
    ObjectNode asset) {

  /** The keys served, as {@link QueryKeys}: paging, ordering, transform and every filter. */
  static final QueryKeys KEYS =
      new QueryKeys(
          Set.of(
              "page",
              "limit",
              "offset",
              "orderBy",
              "transform",
              "id",
              "blockId",
              "senderId",
              "senderPublicKey",
              "recipientId",
              "address",
              "type",
              "typeGroup",
              "version",
              "nonce",
              "nonce.from",
              "nonce.to",
              "timestamp",
              "timestamp.from",
              "timestamp.to",
              "amount",
              "amount.from",
              "amount.to",
              "fee",
              "fee.from",
              "fee.to",
              "sequence",
              "sequence.from",
              "sequence.to",
              "vendorField"),
          Set.of("asset."),
          Set.of());

  static TransactionCriteria parse(Map<String, String> query) throws ApiException {
    return new TransactionCriteria(
        strings(query, "id"),
        strings(query, "blockId"),
        strings(query, "senderId"),
        strings(query, "senderPublicKey"),
        strings(query, "recipientId"),
        strings(query, "address"),
        numbers(query, "type"),
        numbers(query, "typeGroup"),
        Range.parse(query, "version"),
        Range.parse(query, "nonce"),
        Range.parse(query, "timestamp"),
        Range.parse(query, "amount"),
        Range.parse(query, "fee"),
        Range.parse(query, "sequence"),
        query.containsKey("vendorField") ? Like.of(query.get("vendorField")) : null,
        JsonContainment.fromDottedKeys(query, "asset."));
  }

  private static Set<String> strings(Map<String, String> query, String key) {
    String v = query.get(key);
    return v == null ? null : new LinkedHashSet<>(List.of(v.split(",", -1)));
  }

  private static Set<Long> numbers(Map<String, String> query, String key) throws ApiException {
    Set<String> values = strings(query, key);
    if (values == null) {
      return null;
    }
    Set<Long> out = new LinkedHashSet<>();
    for (String v : values) {
      if (!v.strip().matches("\\d{1,9}")) {
        throw new ApiException(ApiError.unprocessable("\"" + key + "\" must be a number"));
      }
      out.add(Long.parseLong(v.strip()));
    }
    return out;
  }

  /** Whether a filter needs the decoded transaction (not only storage's record). */
  boolean needsDecoding() {
    return version != null || nonce != null || vendorField != null || asset != null;
  }

  boolean test(StoredTransaction stored, Transaction tx) {
    var r = stored.tx();
    if (id != null && !id.contains(r.id())) {
      return false;
    }
    if (blockId != null && !blockId.contains(stored.blockId())) {
      return false;
    }
    if (senderId != null && !senderId.contains(r.senderAddress())) {
      return false;
    }
    if (senderPublicKey != null && !senderPublicKey.contains(r.senderPublicKey())) {
      return false;
    }
    if (recipientId != null && r.recipients().stream().noneMatch(recipientId::contains)) {
      return false;
    }
    if (address != null
        && !address.contains(r.senderAddress())
        && r.recipients().stream().noneMatch(address::contains)) {
      return false;
    }
    if (type != null && !type.contains((long) r.type())) {
      return false;
    }
    if (typeGroup != null && !typeGroup.contains((long) r.typeGroup())) {
      return false;
    }
    if (amount != null && !amount.contains(r.amount())) {
      return false;
    }
    if (fee != null && !fee.contains(r.fee())) {
      return false;
    }
    if (sequence != null && !sequence.contains(r.position())) {
      return false;
    }
    // ARK's transactions table keeps the block's timestamp, also for v1 transactions
    if (timestamp != null && !timestamp.contains(stored.timestamp())) {
      return false;
    }
    if (tx == null) {
      return true;
    }
    if (version != null && !version.contains(tx.version())) {
      return false;
    }
    if (nonce != null && (tx.version() < 2 || !nonce.contains(tx.nonce()))) {
      return false;
    }
    if (vendorField != null && !vendorField.matches(tx.vendorField())) {
      return false;
    }
    return asset == null || JsonContainment.contains(TransactionJson.assetJson(tx.asset()), asset);
  }
}
