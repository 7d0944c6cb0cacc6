package com.osmosecollective.node.api;

/**
 * {@code GET /wallets/{id}}: an address, a public key or a delegate username, as ARK tries them.
 */
final class WalletHandler implements RouteHandler {
  private final WalletLookup wallets;

  WalletHandler(WalletLookup wallets) {
    this.wallets = wallets;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    return ApiResponse.data(wallets.toJson(wallets.find(request.param("id"))), request.tip());
  }
}
