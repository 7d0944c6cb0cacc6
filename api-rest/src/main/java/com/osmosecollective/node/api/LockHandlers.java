package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTLC locks ({@code /locks}, {@code /locks/{id}}, {@code /wallets/{id}/locks}, {@code POST
 * /locks/unlocked}): open locks live in their sender's wallet, as in ARK; settled ones are found
 * through storage's settlement index.
 */
final class LockHandlers {
  static final QueryKeys KEYS =
      new QueryKeys(
          Set.of(
              "page",
              "limit",
              "offset",
              "orderBy",
              "lockId",
              "senderPublicKey",
              "isExpired",
              "amount",
              "amount.from",
              "amount.to",
              "secretHash",
              "recipientId",
              "expirationType",
              "expirationValue",
              "expirationValue.from",
              "expirationValue.to",
              "vendorField",
              "timestamp.epoch",
              "timestamp.epoch.from",
              "timestamp.epoch.to",
              "timestamp.unix",
              "timestamp.unix.from",
              "timestamp.unix.to",
              "timestamp.human"),
          Set.of(),
          Set.of());

  /** ARK's sortable paths: its lock criteria's. */
  static final OrderBy ORDER =
      OrderBy.memory(
          Set.of(
              "lockId",
              "senderPublicKey",
              "isExpired",
              "amount",
              "secretHash",
              "recipientId",
              "timestamp.epoch",
              "timestamp.unix",
              "timestamp.human",
              "expirationType",
              "expirationValue",
              "vendorField"),
          Set.of());

  private static final Pattern LOCK_ID = Pattern.compile("[0-9a-f]{64}");

  private final ChainQueries queries;
  private final WalletLookup wallets;
  private final TransactionResource transactions;
  private final PaginationValidator validator;
  private final ArkTimestamp timestamps;

  LockHandlers(
      Network network,
      ChainQueries queries,
      WalletLookup wallets,
      TransactionResource transactions,
      PaginationValidator validator) {
    this.queries = queries;
    this.wallets = wallets;
    this.transactions = transactions;
    this.validator = validator;
    this.timestamps = new ArkTimestamp(network.epoch());
  }

  /** One open lock with its owner. */
  record OpenLock(String lockId, String senderPublicKey, HtlcLock lock) {}

  /** The tip's height and timestamp, which decide expiry. */
  private record Tip(long height, long timestamp) {}

  private Tip tip(long height) {
    return new Tip(height, queries.block(height).map(BlockData::timestamp).orElse(0L));
  }

  private static boolean expired(HtlcLock lock, Tip tip) {
    return lock.expirationType() == 1
        ? lock.expirationValue() <= tip.timestamp()
        : lock.expirationValue() <= tip.height();
  }

  ObjectNode toJson(OpenLock l, Tip tip) {
    HtlcLock lock = l.lock();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("lockId", l.lockId());
    o.put("senderPublicKey", l.senderPublicKey());
    o.put("isExpired", expired(lock, tip));
    o.put("amount", Long.toString(lock.amount()));
    o.put("secretHash", lock.secretHash());
    o.put("recipientId", lock.recipientId());
    o.set("timestamp", timestamps.toJson(lock.timestamp()));
    o.put("expirationType", lock.expirationType());
    o.put("expirationValue", lock.expirationValue());
    if (lock.vendorField() != null) {
      o.put("vendorField", lock.vendorField());
    }
    return o;
  }

  private static List<OpenLock> locksOf(Wallet w) {
    List<OpenLock> out = new ArrayList<>();
    w.htlcLocks().forEach((id, lock) -> out.add(new OpenLock(id, w.publicKey(), lock)));
    return out;
  }

  /** {@code GET /locks}: every open lock, newest first. */
  ApiResponse all(ApiRequest request) throws ApiException {
    List<OpenLock> locks = new ArrayList<>();
    queries.forEachWallet(
        w -> {
          if (!w.htlcLocks().isEmpty()) {
            locks.addAll(locksOf(w));
          }
        });
    return page(request, "/locks", locks);
  }

  /** {@code GET /wallets/{id}/locks}. */
  ApiResponse ofWallet(ApiRequest request) throws ApiException {
    String id = request.param("id");
    Wallet w = wallets.find(id);
    return page(request, "/wallets/" + id + "/locks", locksOf(w));
  }

  /** {@code GET /locks/{id}}. */
  ApiResponse one(ApiRequest request) throws ApiException {
    String id = request.param("id");
    ApiException notFound = new ApiException(ApiError.notFound("Lock not found"));
    if (!LOCK_ID.matcher(id).matches()) {
      throw new ApiException(
          ApiError.unprocessable("\"id\" must be a valid lock id (64 hexadecimal characters)"));
    }
    StoredTransaction tx = queries.transaction(id).orElseThrow(() -> notFound);
    Wallet sender = queries.wallet(tx.tx().senderAddress()).orElseThrow(() -> notFound);
    HtlcLock lock = sender.htlcLocks().get(id);
    if (lock == null) {
      throw notFound;
    }
    return ApiResponse.data(
        toJson(new OpenLock(id, sender.publicKey(), lock), tip(request.tip())), request.tip());
  }

  /** {@code POST /locks/unlocked}: the claims and refunds that settled the given locks. */
  ApiResponse unlocked(ApiRequest request) throws ApiException {
    JsonNode body = request.body();
    JsonNode ids = body == null ? null : body.get("ids");
    if (body == null || !body.isObject()) {
      throw new ApiException(ApiError.unprocessable("\"value\" must be of type object"));
    }
    if (ids == null) {
      throw new ApiException(ApiError.unprocessable("\"ids\" is required"));
    }
    if (!ids.isArray()) {
      throw new ApiException(ApiError.unprocessable("\"ids\" must be an array"));
    }
    if (ids.size() < 1 || ids.size() > 25) {
      throw new ApiException(ApiError.unprocessable("\"ids\" must contain between 1 and 25 items"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      if (!id.isTextual() || !LOCK_ID.matcher(id.asText()).matches()) {
        throw new ApiException(
            ApiError.unprocessable("\"ids[" + i + "]\" must be a 64 characters hex string"));
      }
      if (!seen.add(id.asText())) {
        throw new ApiException(
            ApiError.unprocessable("\"ids[" + i + "]\" contains a duplicate value"));
      }
    }
    Paging paging = new Paging(validator, "/locks/unlocked", Map.of());
    Pagination pagination = paging.validate(request);
    List<StoredTransaction> settled = new ArrayList<>();
    for (String lockId : seen) {
      queries.htlcSettlement(lockId).flatMap(queries::transaction).ifPresent(settled::add);
    }
    settled.sort(
        Comparator.comparingLong(StoredTransaction::height)
            .thenComparingInt(t -> t.tx().position())
            .reversed());
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(settled.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      data.add(transactions.toJson(settled.get((int) i), request.tip()));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), settled.size(), false), data, request.tip());
  }

  private ApiResponse page(ApiRequest request, String linkPath, List<OpenLock> locks)
      throws ApiException {
    Paging paging = new Paging(validator, linkPath, Map.of());
    Pagination pagination = paging.validate(request);
    List<Sort> sorts = new ArrayList<>(ORDER.parse(request.queryValue("orderBy")));
    sorts.add(Sort.desc("timestamp.unix"));
    Tip tip = tip(request.tip());
    Map<String, String> q = request.query();
    Range amount = Range.parse(q, "amount");
    Range expirationValue = Range.parse(q, "expirationValue");
    Range epoch = Range.parse(q, "timestamp.epoch");
    Range unix = Range.parse(q, "timestamp.unix");
    String human = q.get("timestamp.human");
    Like vendorField = q.containsKey("vendorField") ? Like.of(q.get("vendorField")) : null;
    String expiredText = q.get("isExpired");
    if (expiredText != null && !expiredText.equals("true") && !expiredText.equals("false")) {
      throw new ApiException(ApiError.unprocessable("\"isExpired\" must be a boolean"));
    }
    List<OpenLock> matching = new ArrayList<>();
    for (OpenLock l : locks) {
      HtlcLock lock = l.lock();
      if ((q.get("lockId") == null || q.get("lockId").equals(l.lockId()))
          && (q.get("senderPublicKey") == null
              || q.get("senderPublicKey").equals(l.senderPublicKey()))
          && (expiredText == null || Boolean.parseBoolean(expiredText) == expired(lock, tip))
          && (amount == null || amount.contains(lock.amount()))
          && (q.get("secretHash") == null || q.get("secretHash").equals(lock.secretHash()))
          && (q.get("recipientId") == null || q.get("recipientId").equals(lock.recipientId()))
          && (q.get("expirationType") == null
              || q.get("expirationType").equals(Integer.toString(lock.expirationType())))
          && (expirationValue == null || expirationValue.contains(lock.expirationValue()))
          && (epoch == null || epoch.contains(lock.timestamp()))
          && (unix == null
              || unix.contains(timestamps.toJson(lock.timestamp()).get("unix").asLong()))
          && (human == null
              || human.equals(timestamps.toJson(lock.timestamp()).get("human").asText()))
          && (vendorField == null || vendorField.matches(lock.vendorField()))) {
        matching.add(l);
      }
    }
    // ARK's ties keep its wallets' order; here the lock id decides
    List<ObjectNode> rendered = new ArrayList<>(matching.size());
    matching.sort(Comparator.comparing(OpenLock::lockId));
    for (OpenLock l : matching) {
      rendered.add(toJson(l, tip));
    }
    rendered.sort(ResourceOrder.of(sorts, Set.of("amount")));
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(rendered.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      data.add(rendered.get((int) i));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), matching.size(), false), data, request.tip());
  }
}
