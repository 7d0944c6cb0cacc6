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
      QueryKeys.paged("orderBy")
          .with(
              new QueryKeys(ResourceFilter.keys(FILTERS), java.util.Set.of(), java.util.Set.of()));

  /** ARK's sortable paths: the criteria's, also {@code blocks.last.timestamp.human}. */
  static final OrderBy ORDER = OrderBy.memory(FILTERS, java.util.Set.of());

  private static final java.util.Set<String> BIG_NUMBERS =
      java.util.Set.of("votes", "forged.fees", "forged.rewards", "forged.total");

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
    List<Sort> sorts = ORDER.parse(request.queryValue("orderBy"));
    ResourceFilter filter = ResourceFilter.parse(request.query(), FILTERS);
    List<Wallet> all = ranking.all();
    long currentSupply = supply.at(request.tip());
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = pagination.offset() + pagination.limit();
    if (!sorts.isEmpty()) {
      // ranking.all() is ARK's appended rank:asc, publicKey:asc: a stable sort keeps it for ties
      List<com.fasterxml.jackson.databind.node.ObjectNode> rendered = new java.util.ArrayList<>();
      for (Wallet w : all) {
        var json = delegates.toJson(w, currentSupply);
        if (filter.test(json)) {
          rendered.add(json);
        }
      }
      rendered.sort(ResourceOrder.of(sorts, BIG_NUMBERS));
      for (long i = pagination.offset(); i < Math.min(end, rendered.size()); i++) {
        data.add(rendered.get((int) i));
      }
      PageMeta meta = paging.meta(request, pagination, data.size(), rendered.size(), false);
      return ApiResponse.page(meta, data, request.tip());
    }
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
