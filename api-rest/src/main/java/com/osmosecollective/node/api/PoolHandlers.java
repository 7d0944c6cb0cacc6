package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submissions;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The pool's routes: {@code POST /transactions} (1 to {@code maxTransactionsPerRequest} ARK JSON
 * transactions into the pool), {@code /transactions/unconfirmed} and {@code
 * /transactions/unconfirmed/{id}} (read from the pool's published copy, never from the pool).
 */
final class PoolHandlers {
  /** How long a submission may wait for the chain thread before the API gives up (429). */
  static final long SUBMIT_TIMEOUT_SECONDS = 10;

  private static final Pattern TX_ID = Pattern.compile("[0-9a-f]{64}");

  private final Network network;
  private final PendingTransactions pool;
  private final TransactionResource resource;
  private final PaginationValidator validator;
  private final int maxPerRequest;
  private final RawJson raw;

  PoolHandlers(
      Network network,
      PendingTransactions pool,
      TransactionResource resource,
      PaginationValidator validator,
      int maxPerRequest) {
    this.network = network;
    this.pool = pool;
    this.resource = resource;
    this.validator = validator;
    this.maxPerRequest = maxPerRequest;
    this.raw = new RawJson(network);
  }

  ApiResponse submit(ApiRequest request) throws ApiException {
    JsonNode txs = checkBody(request.body());
    List<Submitted> batch = Submissions.fromJson(txs, network.pubKeyHash());
    for (Submitted s : batch) {
      if (s.decodeError() != null) {
        // ARK validates every transaction against its schema before the pool sees the request
        throw new ApiException(ApiError.unprocessable(s.decodeError()));
      }
    }
    AdmissionResult result;
    try {
      result = pool.submit(batch).get(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (BatchTooLargeException e) {
      throw new ApiException(ApiError.unprocessable(tooMany()));
    } catch (TimeoutException e) {
      throw new ApiException(ApiError.tooManyRequests());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ApiError.tooManyRequests());
    } catch (ExecutionException | CompletionException e) {
      throw new IllegalStateException("pool admission failed", e.getCause());
    }
    return new ApiResponse(200, result.toJson(), request.tip());
  }

  private String tooMany() {
    return "should NOT have more than " + maxPerRequest + " items";
  }

  /** ARK's body schema (AJV's messages): an object whose {@code transactions} is 1..max objects. */
  private JsonNode checkBody(JsonNode body) throws ApiException {
    if (body == null || !body.isObject() || !body.has("transactions")) {
      throw new ApiException(
          ApiError.unprocessable("should have required property 'transactions'"));
    }
    JsonNode txs = body.get("transactions");
    if (!txs.isArray()) {
      throw new ApiException(ApiError.unprocessable("should be array"));
    }
    if (txs.size() < 1) {
      throw new ApiException(ApiError.unprocessable("should NOT have fewer than 1 items"));
    }
    if (txs.size() > maxPerRequest) {
      throw new ApiException(ApiError.unprocessable(tooMany()));
    }
    for (JsonNode tx : txs) {
      if (!tx.isObject()) {
        throw new ApiException(ApiError.unprocessable("should be object"));
      }
    }
    return txs;
  }

  ApiResponse unconfirmed(ApiRequest request) throws ApiException {
    Paging paging = new Paging(validator, "/transactions/unconfirmed", Map.of("transform", "true"));
    Pagination pagination = paging.validate(request);
    boolean transform = Transform.value(request, true);
    PoolView view = pool.view();
    List<Transaction> all = view.transactions();
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(all.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      Transaction tx = all.get((int) i);
      data.add(transform ? resource.toJsonPending(tx) : raw.pendingTransaction(tx));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), all.size(), false), data, request.tip());
  }

  /** ARK leaves this route's {@code transform} unvalidated: any value given means transformed. */
  ApiResponse unconfirmedOne(ApiRequest request) throws ApiException {
    String id = request.param("id");
    if (!TX_ID.matcher(id).matches()) {
      throw new ApiException(
          ApiError.unprocessable("\"id\" must be 64 lowercase hexadecimal characters"));
    }
    Transaction tx =
        pool.view()
            .get(id)
            .orElseThrow(() -> new ApiException(ApiError.notFound("Transaction not found")));
    boolean transform = request.queryValue("transform") != null;
    return ApiResponse.data(
        transform ? resource.toJsonPending(tx) : raw.pendingTransaction(tx), request.tip());
  }
}
