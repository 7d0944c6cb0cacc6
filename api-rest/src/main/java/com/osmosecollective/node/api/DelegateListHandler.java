package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import java.util.Map;

/** {@code GET /delegates}: every delegate in ARK's rank order, paged, with an exact total. */
final class DelegateListHandler implements RouteHandler {
  private final DelegateRanking ranking;
  private final DelegateResource delegates;
  private final ChainSupply supply;
  private final Paging paging;

  DelegateListHandler(
      DelegateRanking ranking,
      DelegateResource delegates,
      ChainSupply supply,
      PaginationValidator validator) {
    this.ranking = ranking;
    this.delegates = delegates;
    this.supply = supply;
    this.paging = new Paging(validator, "/delegates", Map.of());
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    Pagination pagination = paging.validate(request);
    List<Wallet> all = ranking.all();
    long currentSupply = supply.at(request.tip());
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(all.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      data.add(delegates.toJson(all.get((int) i), currentSupply));
    }
    PageMeta meta = paging.meta(request, pagination, data.size(), all.size(), false);
    return ApiResponse.page(meta, data, request.tip());
  }
}
