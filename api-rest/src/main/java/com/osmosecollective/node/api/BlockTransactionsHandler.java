package com.osmosecollective.node.api;

import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;

/**
 * {@code GET /blocks/{idOrHeight}/transactions}: the block's transactions, last in the block first
 * (ARK's plain transaction resource, not joined with the block), with ARK's transaction filters.
 */
final class BlockTransactionsHandler implements RouteHandler {
  private final ChainQueries queries;
  private final BlockLookup blocks;
  private final TransactionLists lists;

  BlockTransactionsHandler(ChainQueries queries, BlockLookup blocks, TransactionLists lists) {
    this.queries = queries;
    this.blocks = blocks;
    this.lists = lists;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    // Hapi validates the path, then the query, before the controller looks the block up
    BlockLookup.checkShape(id);
    new Paging(PaginationValidator.arkDefault(), "", java.util.Map.of()).validate(request);
    BlockData block = blocks.find(id, request.tip());
    long height = block.height();
    return lists.answer(
        request,
        "/blocks/" + id + "/transactions",
        r -> queries.transactionsOfBlock(height, r),
        false,
        block.transactionCount());
  }
}
