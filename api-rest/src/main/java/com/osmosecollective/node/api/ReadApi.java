package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read endpoints served so far, answered from committed data through a table of routes (first
 * match wins, so literal paths come before the templates they would also fit). Transport-free: the
 * HTTP layer hands it the decoded path and query.
 */
public final class ReadApi {
  private final ChainQueries queries;
  private final List<Route> routes;

  public ReadApi(Network network, ChainQueries queries) {
    this.queries = queries;
    PaginationValidator paging = PaginationValidator.arkDefault();
    BlockLookup blocks = new BlockLookup(network, queries);
    TransactionResource transactions = new TransactionResource(network);
    WalletLookup wallets = new WalletLookup(network, queries);
    DelegateRanking ranking = new DelegateRanking(queries);
    DelegateResource delegates = new DelegateResource(network);
    ChainSupply supply = new ChainSupply(network, queries);
    this.routes =
        List.of(
            new Route("/api/blockchain", new BlockchainHandler(queries, supply)),
            new Route("/api/blocks", new BlockListHandler(queries, blocks, paging)),
            new Route("/api/blocks/first", EdgeBlockHandler.first(blocks)),
            new Route("/api/blocks/last", EdgeBlockHandler.last(blocks)),
            new Route("/api/blocks/{id}", new BlockHandler(blocks)),
            new Route(
                "/api/blocks/{id}/transactions",
                new BlockTransactionsHandler(queries, blocks, transactions, paging)),
            new Route(
                "/api/transactions", new TransactionListHandler(queries, transactions, paging)),
            new Route("/api/transactions/types", TransactionTypesHandler.types(network)),
            new Route("/api/transactions/fees", TransactionTypesHandler.fees(network)),
            new Route("/api/transactions/{id}", new TransactionHandler(queries, transactions)),
            new Route(
                "/api/delegates", new DelegateListHandler(ranking, delegates, supply, paging)),
            new Route("/api/delegates/{id}", new DelegateHandler(wallets, delegates, supply)),
            new Route(
                "/api/delegates/{id}/blocks",
                new DelegateBlocksHandler(queries, wallets, blocks, paging)),
            new Route(
                "/api/delegates/{id}/voters", new DelegateVotersHandler(queries, wallets, paging)),
            new Route("/api/node/configuration/crypto", new CryptoConfigurationHandler(network)),
            new Route("/api/rounds/{id}/delegates", new RoundDelegatesHandler(queries)),
            new Route("/api/wallets/{id}", new WalletHandler(wallets)));
  }

  /**
   * Answers one GET request.
   *
   * @param path the request path without its query, trailing slash removed
   * @param query the decoded query parameters in request order
   */
  public ApiResponse get(String path, Map<String, String> query) {
    long tip = queries.tip().map(ChainTip::height).orElse(0L);
    List<String> segments =
        Arrays.asList(path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {""});
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isPresent()) {
        try {
          return route.handler().handle(new ApiRequest(params.get(), query, tip));
        } catch (ApiException e) {
          return ApiResponse.error(e.error(), tip);
        }
      }
    }
    return ApiResponse.error(ApiError.notFound("Not Found"), tip);
  }
}
