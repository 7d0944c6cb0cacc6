package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;

/** {@code GET /blockchain}: the tip block's height and id, and the supply at the tip. */
final class BlockchainHandler implements RouteHandler {
  private final ChainQueries queries;
  private final ChainSupply supply;

  BlockchainHandler(ChainQueries queries, ChainSupply supply) {
    this.queries = queries;
    this.supply = supply;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    // the tip of this request, not a newer one committed since it began
    ChainTip block =
        queries
            .block(tip)
            .map(b -> new ChainTip(b.height(), b.id()))
            .orElseThrow(BlockLookup::notFound);
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.putObject("block").put("height", block.height()).put("id", block.id());
    data.put("supply", Long.toString(supply.at(tip)));
    return ApiResponse.data(data, tip);
  }
}
