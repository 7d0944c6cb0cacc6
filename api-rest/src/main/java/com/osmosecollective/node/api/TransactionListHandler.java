package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.Map;

/**
 * {@code GET /transactions}: every committed transaction, newest first (ARK's default {@code
 * timestamp:desc,sequence:desc}), joined with its block. The total is exact when the page reaches
 * the end of the index; otherwise it is storage's estimate (as ARK's is Postgres's), raised to what
 * the page proves exists so the links stay consistent.
 */
final class TransactionListHandler implements RouteHandler {
  private final ChainQueries queries;
  private final TransactionResource transactions;
  private final Paging paging;

  TransactionListHandler(
      ChainQueries queries, TransactionResource transactions, PaginationValidator validator) {
    this.queries = queries;
    this.transactions = transactions;
    this.paging = new Paging(validator, "/transactions", Map.of("transform", "true"));
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    Pagination pagination = paging.validate(request);
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    boolean more = false;
    if (!Paging.beyondStorage(pagination)) {
      Page<StoredTransaction> page =
          queries.transactions(
              PageRequest.newestFirst((int) pagination.offset(), pagination.limit()));
      page.items().forEach(tx -> data.add(transactions.toJson(tx, request.tip())));
      more = page.hasMore();
    }
    PageMeta meta =
        paging.metaOfScan(
            request, pagination, data.size(), more, queries.estimatedTransactionCount());
    return ApiResponse.page(meta, data, request.tip());
  }
}
