package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.Map;

/**
 * {@code GET /blocks/{id}/transactions}: the block's transactions in ARK's default transaction
 * order (newest first, i.e. last in the block first), as ARK's plain transaction resource (not
 * joined with the block). The total is the block's transaction count, exact.
 */
final class BlockTransactionsHandler implements RouteHandler {
  private final ChainQueries queries;
  private final BlockLookup blocks;
  private final TransactionResource transactions;
  private final PaginationValidator validator;

  BlockTransactionsHandler(
      ChainQueries queries,
      BlockLookup blocks,
      TransactionResource transactions,
      PaginationValidator validator) {
    this.queries = queries;
    this.blocks = blocks;
    this.transactions = transactions;
    this.validator = validator;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    // Hapi validates the path, then the query, before the controller looks the block up
    BlockLookup.checkShape(id);
    Paging paging =
        new Paging(validator, "/blocks/" + id + "/transactions", Map.of("transform", "true"));
    Pagination pagination = paging.validate(request);
    BlockData block = blocks.find(id, request.tip());
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    if (pagination.offset() < block.transactionCount()) {
      Page<StoredTransaction> page =
          queries.transactionsOfBlock(
              block.height(),
              PageRequest.newestFirst((int) pagination.offset(), pagination.limit()));
      page.items().forEach(tx -> data.add(transactions.toJsonWithoutBlock(tx)));
    }
    PageMeta meta = paging.meta(request, pagination, data.size(), block.transactionCount(), false);
    return ApiResponse.page(meta, data, request.tip());
  }
}
