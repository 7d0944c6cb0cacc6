package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.storage.StoredTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code orderBy} of transaction lists: every column ARK's transaction criteria name. ARK's
 * default {@code timestamp:desc,sequence:desc} and its reverse are the chain order the storage
 * indexes hold, read a page at a time; any other order sorts the candidates (see {@link
 * TransactionLists}).
 */
final class TransactionOrder {
  static final OrderBy ORDER =
      OrderBy.database(
          Set.of(
              "address",
              "senderId",
              "recipientId",
              "id",
              "version",
              "blockId",
              "sequence",
              "timestamp",
              "nonce",
              "senderPublicKey",
              "type",
              "typeGroup",
              "vendorField",
              "amount",
              "fee",
              "asset"));

  private static final Set<String> NEED_DECODING =
      Set.of("version", "nonce", "recipientId", "vendorField", "asset");

  /** Chain order, newest first: height, then position in the block. */
  static final Comparator<StoredTransaction> NEWEST_FIRST =
      Comparator.comparingLong(StoredTransaction::height)
          .thenComparingInt((StoredTransaction t) -> t.tx().position())
          .reversed();

  private TransactionOrder() {}

  /**
   * @throws ApiException 422 for an order ARK refuses, and for {@code address}, which ARK accepts
   *     but fails on (its transactions table has no such column)
   */
  static List<Sort> parse(String orderBy) throws ApiException {
    List<Sort> sorts = ORDER.parse(orderBy);
    for (Sort s : sorts) {
      if (s.property().equals("address")) {
        throw new ApiException(
            ApiError.unprocessable(
                "orderBy property 'address' is not supported: a transaction has two"
                    + " (use senderId or recipientId)"));
      }
    }
    return sorts;
  }

  /**
   * Whether {@code sorts} is the chain order: {@code TRUE} oldest first, {@code FALSE} newest first
   * (also for no order), null for another order.
   */
  static Boolean chainOrder(List<Sort> sorts) {
    if (sorts.isEmpty()) {
      return Boolean.FALSE;
    }
    Sort first = sorts.get(0);
    if (!first.property().equals("timestamp")) {
      return null;
    }
    // a block's transactions share its timestamp: only a second key can reorder them
    if (sorts.size() > 1
        && !(sorts.get(1).property().equals("sequence")
            && sorts.get(1).descending() == first.descending())) {
      return null;
    }
    return !first.descending();
  }

  static boolean needsDecoding(List<Sort> sorts) {
    return sorts.stream().anyMatch(s -> NEED_DECODING.contains(s.property()));
  }

  /** The value of an ARK transactions-table column; null where ARK stores NULL. */
  static Object value(String column, StoredTransaction stored, Supplier<Transaction> decoded) {
    var r = stored.tx();
    return switch (column) {
      case "id" -> r.id();
      case "blockId" -> stored.blockId();
      case "sequence" -> (long) r.position();
      case "timestamp" -> stored.timestamp();
      case "senderPublicKey" -> r.senderPublicKey();
      case "senderId" -> r.senderAddress();
      case "type" -> (long) r.type();
      case "typeGroup" -> (long) r.typeGroup();
      case "amount" -> r.amount();
      case "fee" -> r.fee();
      case "version" -> (long) decoded.get().version();
      case "nonce" -> decoded.get().version() >= 2 ? decoded.get().nonce() : null;
      case "vendorField" -> {
        String v = decoded.get().vendorField();
        yield v == null ? null : v.getBytes(StandardCharsets.UTF_8);
      }
      case "recipientId" -> {
        JsonNode id = TransactionJson.toJson(decoded.get()).get("recipientId");
        yield id == null ? null : id.asText();
      }
      case "asset" -> TransactionJson.assetJson(decoded.get().asset());
      default -> throw new IllegalArgumentException("no transaction column " + column);
    };
  }
}
