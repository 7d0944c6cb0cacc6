package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.Map;

/**
 * {@code GET /delegates/{id}/blocks}: the blocks the delegate forged, newest first. The total is
 * exact when the page reaches the delegate's first block, else the delegate's produced-block count
 * (an estimate, as ARK's), raised to what the page proves.
 */
final class DelegateBlocksHandler implements RouteHandler {
  private final ChainQueries queries;
  private final WalletLookup wallets;
  private final BlockLookup blocks;
  private final PaginationValidator validator;

  DelegateBlocksHandler(
      ChainQueries queries,
      WalletLookup wallets,
      BlockLookup blocks,
      PaginationValidator validator) {
    this.queries = queries;
    this.wallets = wallets;
    this.blocks = blocks;
    this.validator = validator;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    Paging paging =
        new Paging(validator, "/delegates/" + id + "/blocks", Map.of("transform", "true"));
    Pagination pagination = paging.validate(request);
    Wallet delegate = wallets.findDelegate(id);
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    boolean more = false;
    if (!Paging.beyondStorage(pagination)) {
      Page<Long> heights =
          queries.blocksByGenerator(
              delegate.publicKey(),
              PageRequest.newestFirst((int) pagination.offset(), pagination.limit()));
      for (long height : heights.items()) {
        BlockData block = blocks.at(height);
        data.add(blocks.toJson(block, request.tip()));
      }
      more = heights.hasMore();
    }
    PageMeta meta =
        paging.metaOfScan(
            request, pagination, data.size(), more, delegate.delegate().producedBlocks());
    return ApiResponse.page(meta, data, request.tip());
  }
}
