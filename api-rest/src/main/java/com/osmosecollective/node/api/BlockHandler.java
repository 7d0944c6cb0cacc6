package com.osmosecollective.node.api;

/** {@code GET /blocks/{id}}: one block by height or id. */
final class BlockHandler implements RouteHandler {
  private final BlockLookup blocks;

  BlockHandler(BlockLookup blocks) {
    this.blocks = blocks;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    return ApiResponse.data(blocks.toJson(blocks.find(request.param("id"), tip), tip), tip);
  }
}
