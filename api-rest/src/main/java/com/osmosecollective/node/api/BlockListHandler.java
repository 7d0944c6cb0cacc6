package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /blocks}: ARK's default order, height descending. Heights are dense (1..tip), so a
 * page is a height range and the total is the tip height, exact (ARK estimates it).
 */
final class BlockListHandler implements RouteHandler {
  private final ChainQueries queries;
  private final BlockLookup blocks;
  private final Paging paging;

  BlockListHandler(ChainQueries queries, BlockLookup blocks, PaginationValidator validator) {
    this.queries = queries;
    this.blocks = blocks;
    this.paging = new Paging(validator, "/blocks", Map.of("transform", "true"));
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    Pagination pagination = paging.validate(request);
    long tip = request.tip();
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    if (pagination.offset() < tip) {
      long newest = tip - pagination.offset();
      long oldest = Math.max(1, newest - pagination.limit() + 1);
      List<BlockData> range = queries.blocks(oldest, newest);
      for (int i = range.size() - 1; i >= 0; i--) {
        data.add(blocks.toJson(range.get(i), tip));
      }
    }
    return ApiResponse.page(paging.meta(request, pagination, data.size(), tip, false), data, tip);
  }
}
