package com.osmosecollective.node.api;

/** {@code GET /delegates/{id}}: a delegate by address, public key or username. */
final class DelegateHandler implements RouteHandler {
  private final WalletLookup wallets;
  private final DelegateResource delegates;
  private final ChainSupply supply;

  DelegateHandler(WalletLookup wallets, DelegateResource delegates, ChainSupply supply) {
    this.wallets = wallets;
    this.delegates = delegates;
    this.supply = supply;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    long tip = request.tip();
    return ApiResponse.data(
        delegates.toJson(wallets.findDelegate(request.param("id")), supply.at(tip)), tip);
  }
}
