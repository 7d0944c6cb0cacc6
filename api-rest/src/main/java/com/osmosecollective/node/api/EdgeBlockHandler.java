package com.osmosecollective.node.api;

/** {@code GET /blocks/first} (the genesis block) and {@code GET /blocks/last} (the tip). */
final class EdgeBlockHandler implements RouteHandler {
  private final BlockLookup blocks;
  private final boolean last;

  private EdgeBlockHandler(BlockLookup blocks, boolean last) {
    this.blocks = blocks;
    this.last = last;
  }

  static EdgeBlockHandler first(BlockLookup blocks) {
    return new EdgeBlockHandler(blocks, false);
  }

  static EdgeBlockHandler last(BlockLookup blocks) {
    return new EdgeBlockHandler(blocks, true);
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    if (tip < 1) {
      throw BlockLookup.notFound(); // nothing committed yet, not even the genesis block
    }
    return ApiResponse.data(blocks.toJson(blocks.at(last ? tip : 1), tip), tip);
  }
}
