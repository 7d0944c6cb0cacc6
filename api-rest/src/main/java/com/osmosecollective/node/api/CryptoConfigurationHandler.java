package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;

/** {@code GET /node/configuration/crypto}: the network's crypto configuration, fixed at start. */
final class CryptoConfigurationHandler implements RouteHandler {
  private final ObjectNode body;

  CryptoConfigurationHandler(Network network) {
    this.body = CryptoConfiguration.toJson(network);
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    // a copy: Jackson trees are mutable and this one is shared by every request
    return ApiResponse.data(body.deepCopy(), request.tip());
  }
}
