package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /delegates}: every delegate in ARK's rank order, paged, with an exact total, filtered
 * on the delegate resource's fields as ARK's in-memory search does.
 */
final class DelegateListHandler implements RouteHandler {
  static final java.util.Set<String> FILTERS =
      java.util.Set.of(
          "username",
          "address",
          "publicKey",
          "votes",
          "rank",
          "isResigned",
          "blocks.produced",
          "blocks.last.id",
          "blocks.last.height",
          "blocks.last.timestamp.epoch",
          "blocks.last.timestamp.unix",
          "blocks.last.timestamp.human",
          "production.approval",
          "forged.fees",
          "forged.rewards",
          "forged.total");

  static final QueryKeys KEYS =
      QueryKeys.paged()
          .with(
              new QueryKeys(ResourceFilter.keys(FILTERS), java.util.Set.of(), java.util.Set.of()));

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
    ResourceFilter filter = ResourceFilter.parse(request.query(), FILTERS);
    List<Wallet> all = ranking.all();
    long currentSupply = supply.at(request.tip());
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = pagination.offset() + pagination.limit();
    long matched = 0;
    for (Wallet w : all) {
      // without filters only the page is rendered
      var json = filter.isEmpty() ? null : delegates.toJson(w, currentSupply);
      if (json == null || filter.test(json)) {
        if (matched >= pagination.offset() && matched < end) {
          data.add(json != null ? json : delegates.toJson(w, currentSupply));
        }
        matched++;
      }
    }
    PageMeta meta = paging.meta(request, pagination, data.size(), matched, false);
    return ApiResponse.page(meta, data, request.tip());
  }
}
