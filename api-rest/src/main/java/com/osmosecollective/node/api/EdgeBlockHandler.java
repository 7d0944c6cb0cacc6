package com.osmosecollective.node.api;

import com.osmosecollective.node.storage.BlockData;

/** {@code GET /blocks/first} (the genesis block) and {@code GET /blocks/last} (the tip). */
final class EdgeBlockHandler implements RouteHandler {
  private final BlockLookup blocks;
  private final RawJson raw;
  private final boolean last;

  private EdgeBlockHandler(BlockLookup blocks, RawJson raw, boolean last) {
    this.blocks = blocks;
    this.raw = raw;
    this.last = last;
  }

  static EdgeBlockHandler first(BlockLookup blocks, RawJson raw) {
    return new EdgeBlockHandler(blocks, raw, false);
  }

  static EdgeBlockHandler last(BlockLookup blocks, RawJson raw) {
    return new EdgeBlockHandler(blocks, raw, true);
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    boolean transform = Transform.value(request, true);
    if (tip < 1) {
      throw BlockLookup.notFound(); // nothing committed yet, not even the genesis block
    }
    BlockData block = blocks.at(last ? tip : 1);
    // ARK answers its in-memory block data here; the table row carries the same fields
    return ApiResponse.data(transform ? blocks.toJson(block, tip) : raw.block(block), tip);
  }
}
