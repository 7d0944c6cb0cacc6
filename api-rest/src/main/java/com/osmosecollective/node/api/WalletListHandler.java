package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * {@code GET /wallets} and {@code /wallets/top}: every wallet matching the filters in {@link
 * WalletOrder}'s order. ARK searches its in-memory wallets; this streams the stored ones once,
 * keeping only the sort keys of the entries up to the requested page, then reads that page's
 * wallets.
 */
final class WalletListHandler implements RouteHandler {
  /** Deeper pages would hold too many entries while streaming. */
  static final long MAX_END = 100_000;

  private final ChainQueries queries;
  private final WalletLookup wallets;
  private final PaginationValidator validator;
  private final String linkPath;

  WalletListHandler(
      ChainQueries queries, WalletLookup wallets, PaginationValidator validator, String linkPath) {
    this.queries = queries;
    this.wallets = wallets;
    this.validator = validator;
    this.linkPath = linkPath;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    Paging paging = new Paging(validator, linkPath, Map.of());
    Pagination pagination = paging.validate(request);
    List<Sort> sorts = WalletOrder.ORDER.parse(request.queryValue("orderBy"));
    WalletCriteria criteria = WalletCriteria.parse(request.query());
    long end = pagination.offset() + pagination.limit();
    if (end > MAX_END) {
      throw new ApiException(
          ApiError.unprocessable("wallet pages end at entry " + MAX_END + " on this node"));
    }
    Comparator<WalletOrder.Keyed> order = WalletOrder.comparator(sorts);
    // the queue's head is the worst kept entry, dropped when a better one comes
    PriorityQueue<WalletOrder.Keyed> kept = new PriorityQueue<>(order.reversed());
    long[] total = {0};
    WalletResource resource = new WalletResource();
    queries.forEachWallet(
        w -> {
          if (criteria.test(w, resource)) {
            total[0]++;
            kept.add(WalletOrder.keyed(w, sorts, resource));
            if (kept.size() > end) {
              kept.poll();
            }
          }
        });
    List<WalletOrder.Keyed> sorted = new ArrayList<>(kept);
    sorted.sort(order);
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (long i = pagination.offset(); i < Math.min(end, sorted.size()); i++) {
      Wallet w = queries.wallet(sorted.get((int) i).address()).orElse(null);
      if (w != null) {
        data.add(wallets.toJson(w));
      }
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), total[0], false), data, request.tip());
  }
}
