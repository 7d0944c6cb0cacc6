package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /delegates/{id}/voters}: the wallets voting for the delegate that match ARK's wallet
 * filters, in {@link WalletOrder}'s order, paged, with an exact total. Like ARK, which filters its
 * in-memory wallets, every voter is read to sort them.
 */
final class DelegateVotersHandler implements RouteHandler {
  private static final int STORAGE_PAGE = 100;

  private final ChainQueries queries;
  private final WalletLookup wallets;
  private final PaginationValidator validator;

  DelegateVotersHandler(ChainQueries queries, WalletLookup wallets, PaginationValidator validator) {
    this.queries = queries;
    this.wallets = wallets;
    this.validator = validator;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    Paging paging = new Paging(validator, "/delegates/" + id + "/voters", Map.of());
    Pagination pagination = paging.validate(request);
    Wallet delegate = wallets.findDelegate(id);
    List<Sort> sorts = WalletOrder.ORDER.parse(request.queryValue("orderBy"));
    WalletCriteria criteria = WalletCriteria.parse(request.query());
    WalletResource resource = new WalletResource();
    Comparator<WalletOrder.Keyed> order = WalletOrder.comparator(sorts);
    List<WalletOrder.Keyed> keyed = new ArrayList<>();
    Map<String, Wallet> byAddress = new java.util.HashMap<>();
    for (Wallet w : voters(delegate.publicKey())) {
      if (criteria.test(w, resource)) {
        keyed.add(WalletOrder.keyed(w, sorts, resource));
        byAddress.put(w.address(), w);
      }
    }
    keyed.sort(order);
    List<Wallet> voters = keyed.stream().map(k -> byAddress.get(k.address())).toList();
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(voters.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      data.add(wallets.toJson(voters.get((int) i)));
    }
    PageMeta meta = paging.meta(request, pagination, data.size(), voters.size(), false);
    return ApiResponse.page(meta, data, request.tip());
  }

  private List<Wallet> voters(String delegateKey) {
    List<Wallet> out = new ArrayList<>();
    int offset = 0;
    Page<String> page;
    do {
      page = queries.voters(delegateKey, PageRequest.oldestFirst(offset, STORAGE_PAGE));
      for (String address : page.items()) {
        out.add(
            queries
                .wallet(address)
                .orElseThrow(() -> new IllegalStateException("voter " + address + " not stored")));
      }
      offset += page.items().size();
    } while (page.hasMore());
    return out;
  }
}
