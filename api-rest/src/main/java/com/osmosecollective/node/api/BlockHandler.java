package com.osmosecollective.node.api;

import com.osmosecollective.node.storage.BlockData;

/** {@code GET /blocks/{id}}: one block by height or id. */
final class BlockHandler implements RouteHandler {
  private final BlockLookup blocks;
  private final RawJson raw;

  BlockHandler(BlockLookup blocks, RawJson raw) {
    this.blocks = blocks;
    this.raw = raw;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    String id = request.param("id");
    BlockLookup.checkShape(id);
    boolean transform = Transform.value(request, true);
    BlockData block = blocks.find(id, tip);
    return ApiResponse.data(transform ? blocks.toJson(block, tip) : raw.block(block), tip);
  }
}
