package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The route table: ARK Core 3.9's 39 endpoints (spec §8.2), literal paths before templates. */
final class ApiRoutes {
  private final ApiServices services;
  private final Optional<Funding> funding;

  ApiRoutes(ApiServices services, Optional<Funding> funding) {
    this.services = services;
    this.funding = funding;
  }

  /** A wallet's list {@code /api/wallets/{id}<suffix>}: the wallet is found first (404 if not). */
  private static Route walletTransactions(
      WalletLookup wallets,
      TransactionLists txLists,
      String suffix,
      BiFunction<String, PageRequest, Page<StoredTransaction>> listOf) {
    return Route.get(
        "/api/wallets/{id}" + suffix,
        TransactionCriteria.KEYS,
        r -> {
          Wallet w = wallets.find(r.param("id"));
          return txLists.answer(
              r, "/wallets/" + r.param("id") + suffix, p -> listOf.apply(w.address(), p), true);
        });
  }

  List<Route> all() {
    Network network = services.network();
    ChainQueries queries = services.queries();
    PaginationValidator paging = PaginationValidator.arkDefault();
    BlockLookup blocks = new BlockLookup(network, queries);
    TransactionResource transactions = new TransactionResource(network);
    WalletLookup wallets = new WalletLookup(network, queries);
    DelegateRanking ranking = new DelegateRanking(queries);
    DelegateResource delegates = new DelegateResource(network);
    ChainSupply supply = new ChainSupply(network, queries);
    TransactionLists txLists = new TransactionLists(network, queries, transactions, paging);
    BlockLists blockLists = new BlockLists(network, queries, blocks, paging);
    NodeHandlers node = new NodeHandlers(services);
    PeerHandlers peers = new PeerHandlers(services.peers(), paging);
    PoolHandlers pool =
        new PoolHandlers(
            network,
            services.pool(),
            transactions,
            paging,
            services.poolConfig().maxTransactionsPerRequest());
    LockHandlers locks = new LockHandlers(network, queries, wallets, transactions, paging);
    RawJson raw = new RawJson(network);
    QueryKeys transform = QueryKeys.of("transform");
    QueryKeys txKeys = TransactionCriteria.KEYS;
    int vote = TransactionType.VOTE.code();
    int core = TransactionType.CORE_TYPE_GROUP;
    FundingRoutes fundingRoutes = new FundingRoutes(network, queries, funding, paging);
    List<Route> ark =
        List.of(
            Route.get("/api/blockchain", QueryKeys.NONE, new BlockchainHandler(queries, supply)),
            Route.get("/api/blocks", BlockLists.KEYS, r -> blockLists.answer(r, "/blocks", null)),
            Route.get("/api/blocks/first", transform, EdgeBlockHandler.first(blocks, raw)),
            Route.get("/api/blocks/last", transform, EdgeBlockHandler.last(blocks, raw)),
            Route.get("/api/blocks/{id}", transform, new BlockHandler(blocks, raw)),
            Route.get(
                "/api/blocks/{id}/transactions",
                txKeys,
                new BlockTransactionsHandler(queries, blocks, txLists)),
            Route.get(
                "/api/delegates",
                DelegateListHandler.KEYS,
                new DelegateListHandler(ranking, delegates, supply, paging)),
            Route.get(
                "/api/delegates/{id}",
                QueryKeys.NONE,
                fundingRoutes.withProposal(new DelegateHandler(wallets, delegates, supply))),
            Route.get(
                "/api/delegates/{id}/voters",
                WalletCriteria.KEYS,
                new DelegateVotersHandler(queries, wallets, paging)),
            Route.get(
                "/api/delegates/{id}/blocks",
                BlockLists.KEYS,
                r -> {
                  String id = r.param("id");
                  Wallet delegate = wallets.findDelegate(id);
                  return blockLists.answer(
                      r,
                      "/delegates/" + id + "/blocks",
                      delegate.publicKey(),
                      delegate.delegate().producedBlocks());
                }),
            Route.get("/api/locks", LockHandlers.KEYS, locks::all),
            Route.post("/api/locks/unlocked", QueryKeys.paged("orderBy"), locks::unlocked),
            Route.get("/api/locks/{id}", QueryKeys.NONE, locks::one),
            Route.get("/api/node/status", QueryKeys.NONE, node::status),
            Route.get("/api/node/syncing", QueryKeys.NONE, node::syncing),
            Route.get("/api/node/configuration", QueryKeys.NONE, node::configuration),
            Route.get(
                "/api/node/configuration/crypto",
                QueryKeys.NONE,
                new CryptoConfigurationHandler(network)),
            Route.get("/api/node/fees", QueryKeys.of("days"), node::fees),
            Route.get("/api/peers", PeerHandlers.KEYS, peers::list),
            Route.get("/api/peers/{ip}", QueryKeys.NONE, peers::one),
            Route.get(
                "/api/rounds/{id}/delegates", QueryKeys.NONE, new RoundDelegatesHandler(queries)),
            Route.get(
                "/api/transactions", txKeys, r -> txLists.answer(r, "/transactions", null, true)),
            Route.post("/api/transactions", QueryKeys.NONE, pool::submit),
            Route.get(
                "/api/transactions/unconfirmed", QueryKeys.paged("transform"), pool::unconfirmed),
            Route.get(
                "/api/transactions/types", QueryKeys.NONE, TransactionTypesHandler.types(network)),
            Route.get("/api/transactions/schemas", QueryKeys.NONE, new TransactionSchemasHandler()),
            Route.get(
                "/api/transactions/fees", QueryKeys.NONE, TransactionTypesHandler.fees(network)),
            Route.get("/api/transactions/unconfirmed/{id}", transform, pool::unconfirmedOne),
            Route.get(
                "/api/transactions/{id}",
                transform,
                new TransactionHandler(queries, transactions, raw)),
            Route.get(
                "/api/votes",
                txKeys,
                // ARK lists votes with its plain transaction resource (no block join)
                r ->
                    txLists.answer(
                        r, "/votes", p -> queries.transactionsByType(core, vote, p), false)),
            Route.get(
                "/api/votes/{id}",
                transform,
                r -> {
                  ApiResponse answer =
                      new TransactionHandler(queries, transactions, raw, false).handle(r);
                  var data = answer.body().get("data");
                  if (data.get("type").asInt() != vote || data.get("typeGroup").asInt() != core) {
                    throw new ApiException(ApiError.notFound("Vote not found"));
                  }
                  return answer;
                }),
            Route.get(
                "/api/wallets",
                WalletCriteria.KEYS,
                new WalletListHandler(queries, wallets, paging, "/wallets")),
            Route.get(
                "/api/wallets/top",
                WalletCriteria.KEYS,
                new WalletListHandler(queries, wallets, paging, "/wallets/top")),
            Route.get("/api/wallets/{id}", QueryKeys.NONE, new WalletHandler(wallets)),
            Route.get("/api/wallets/{id}/locks", LockHandlers.KEYS, locks::ofWallet),
            walletTransactions(wallets, txLists, "/transactions", queries::transactionsByAddress),
            walletTransactions(
                wallets, txLists, "/transactions/sent", queries::transactionsBySender),
            walletTransactions(
                wallets, txLists, "/transactions/received", queries::transactionsByRecipient),
            walletTransactions(wallets, txLists, "/votes", queries::votesByVoter));
    List<Route> routes = new ArrayList<>(ark);
    routes.addAll(fundingRoutes.all());
    return List.copyOf(routes);
  }
}
