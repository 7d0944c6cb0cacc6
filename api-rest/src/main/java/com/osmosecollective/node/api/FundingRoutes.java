package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.AccountStatement;
import com.osmosecollective.node.funding.payout.HeightRange;
import com.osmosecollective.node.funding.payout.PayoutOptions;
import com.osmosecollective.node.funding.payout.PayoutPlan;
import com.osmosecollective.node.funding.payout.PayoutRun;
import com.osmosecollective.node.funding.proposal.DelegateProposal;
import com.osmosecollective.node.funding.proposal.InvalidProposalException;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.funding.proposal.ProposalValidator;
import com.osmosecollective.node.funding.proposal.UnregisteredProposalException;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The funding routes of issue #14 (not ARK's): delegates' proposals, document timestamps, payouts
 * and open accounts, over the funding module's services. Without them (a {@link RestApi} built
 * without {@link Funding}) the routes exist and answer 404, so the route table and its OpenAPI
 * description stay the same.
 */
final class FundingRoutes {
  /**
   * The routes, as {@code "METHOD template"} (FundingApiIT requests each; ARK's tests skip them).
   */
  static final Set<String> ROUTES =
      Set.of(
          "GET /api/proposals",
          "POST /api/proposals",
          "GET /api/proposals/{cid}",
          "GET /api/timestamps/{cid}",
          "GET /api/delegates/{id}/payouts",
          "GET /api/delegates/{id}/accounts");

  /** Widest height range one payouts request plans. */
  static final long MAX_PAYOUT_RANGE = 100_000;

  /** Periods per page of the accounts: each one is a planner run. */
  static final int MAX_ACCOUNT_PERIODS = 20;

  private final Optional<Funding> funding;
  private final WalletLookup wallets;
  private final PaginationValidator paging;
  private final PaginationValidator accountPaging = new PaginationValidator(MAX_ACCOUNT_PERIODS);
  private final FundingJson json;

  FundingRoutes(
      Network network,
      ChainQueries queries,
      Optional<Funding> funding,
      PaginationValidator paging) {
    this.funding = funding;
    this.wallets = new WalletLookup(network, queries);
    this.paging = paging;
    this.json = new FundingJson(new ArkTimestamp(network.epoch()));
  }

  List<Route> all() {
    return List.of(
        Route.get("/api/proposals", QueryKeys.paged(), this::proposals),
        Route.post("/api/proposals", QueryKeys.NONE, this::submit),
        Route.get("/api/proposals/{cid}", QueryKeys.NONE, this::proposal),
        Route.get("/api/timestamps/{cid}", QueryKeys.NONE, this::timestamp),
        Route.get(
            "/api/delegates/{id}/payouts",
            QueryKeys.paged("fromHeight", "toHeight"),
            this::payouts),
        Route.get("/api/delegates/{id}/accounts", QueryKeys.paged("period"), this::accounts));
  }

  /**
   * {@code /api/delegates/{id}} with the delegate's current proposal as {@code proposal} (omitted
   * when it registered none, as ARK omits unset fields).
   */
  RouteHandler withProposal(RouteHandler delegate) {
    if (funding.isEmpty()) {
      return delegate;
    }
    return request -> {
      ApiResponse answer = delegate.handle(request);
      if (answer.status() == 200 && answer.body().get("data") instanceof ObjectNode data) {
        Optional<DelegateProposal> current =
            funding.get().proposals().current(data.path("address").asText());
        current.ifPresent(p -> data.set("proposal", json.proposal(p, documentJson(p))));
      }
      return answer;
    };
  }

  private Funding funding() throws ApiException {
    return funding.orElseThrow(
        () -> new ApiException(ApiError.notFound("This node serves no funding data")));
  }

  private ApiResponse proposals(ApiRequest request) throws ApiException {
    Funding f = funding();
    Pagination page = paging.validate(request.query());
    List<DelegateProposal> all = f.proposals().all();
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(all.size(), page.offset() + page.limit());
    for (long i = page.offset(); i < end; i++) {
      DelegateProposal p = all.get((int) i);
      data.add(json.proposal(p, documentJson(p)));
    }
    PageMeta meta =
        new PageMeta(
            "/proposals",
            PageMeta.linkQuery(request.query(), Map.of("limit", Integer.toString(page.limit()))),
            page,
            data.size(),
            all.size(),
            false);
    return ApiResponse.page(meta, data, request.tip());
  }

  private ApiResponse submit(ApiRequest request) throws ApiException {
    Funding f = funding();
    if (request.rawBody() == null || request.rawBody().isEmpty()) {
      throw new ApiException(ApiError.unprocessable("\"value\" must be of type object"));
    }
    byte[] document = request.rawBody().toArray();
    if (document.length > ProposalValidator.MAX_BYTES) {
      throw new ApiException(
          ApiError.payloadTooLarge(
              "Payload content length greater than maximum allowed: "
                  + ProposalValidator.MAX_BYTES));
    }
    try {
      DelegateProposal stored = f.proposals().submit(document);
      ApiResponse ok = ApiResponse.data(json.proposal(stored, parse(document)), request.tip());
      return new ApiResponse(201, ok.body(), ok.blockHeight());
    } catch (InvalidProposalException e) {
      throw new ApiException(ApiError.unprocessable(FundingJson.describe(e)));
    } catch (UnregisteredProposalException e) {
      throw new ApiException(ApiError.unprocessable(e.getMessage()));
    }
  }

  private ApiResponse proposal(ApiRequest request) throws ApiException {
    DelegateProposal p =
        funding()
            .proposals()
            .byCid(request.param("cid"))
            .orElseThrow(() -> new ApiException(ApiError.notFound("Proposal not found")));
    return ApiResponse.data(json.proposal(p, documentJson(p)), request.tip());
  }

  private ApiResponse timestamp(ApiRequest request) throws ApiException {
    return ApiResponse.data(
        json.registration(
            funding()
                .proposals()
                .registrations()
                .of(request.param("cid"))
                .orElseThrow(() -> new ApiException(ApiError.notFound("Timestamp not found")))),
        request.tip());
  }

  private ApiResponse payouts(ApiRequest request) throws ApiException {
    Funding f = funding();
    Wallet delegate = wallets.findDelegate(request.param("id"));
    Pagination page = paging.validate(request.query());
    long from = required(request, "fromHeight");
    long to = required(request, "toHeight");
    if (from < 2) {
      throw unprocessable("\"fromHeight\" must be greater than or equal to 2");
    }
    if (to < from) {
      throw unprocessable("\"toHeight\" must be greater than or equal to ref:fromHeight");
    }
    if (to > request.tip()) {
      throw unprocessable("\"toHeight\" must be less than or equal to " + request.tip());
    }
    if (to - from + 1 > MAX_PAYOUT_RANGE) {
      throw unprocessable(
          "\"toHeight\" must be at most " + MAX_PAYOUT_RANGE + " blocks after ref:fromHeight");
    }
    try {
      PayoutPlan plan = f.planner().plan(delegate, from, to);
      PayoutRun run =
          f.payouts().run(delegate.address(), new HeightRange(from, to), PayoutOptions.defaults());
      return ApiResponse.data(json.payouts(plan, run, page), request.tip());
    } catch (ProposalUnavailableException e) {
      throw new ApiException(unavailable(e));
    }
  }

  private ApiResponse accounts(ApiRequest request) throws ApiException {
    Funding f = funding();
    Wallet delegate = wallets.findDelegate(request.param("id"));
    Long period = PaginationValidator.integer(request.query(), "period");
    // pages of periods, or of the one period's recipient lines
    Pagination page = (period == null ? accountPaging : paging).validate(request.query());
    try {
      AccountPeriods.Schedule schedule =
          f.periods()
              .schedule(delegate)
              .orElseThrow(
                  () ->
                      new ApiException(
                          ApiError.notFound(
                              "Proposal not found: the delegate registered no proposal")));
      long total = schedule.periods();
      List<AccountPeriods.Period> periods;
      if (period != null) {
        if (period < 1 || period > total) {
          throw unprocessable(
              total == 0
                  ? "\"period\" must be absent: no block follows the proposal's registration yet"
                  : "\"period\" must be between 1 and " + total);
        }
        periods = List.of(f.periods().period(schedule, period));
      } else {
        long newest = total - page.offset();
        long oldest = Math.max(1, newest - page.limit() + 1);
        periods = newest < 1 ? List.of() : f.periods().periods(schedule, newest, oldest);
      }
      ArrayNode data = JsonNodeFactory.instance.arrayNode();
      for (AccountPeriods.Period p : periods) {
        Optional<AccountStatement> statement = f.periods().account(delegate, p);
        data.add(json.account(schedule, p, statement, period == null ? null : page));
      }
      PageMeta meta =
          new PageMeta(
              "/delegates/" + request.param("id") + "/accounts",
              PageMeta.linkQuery(request.query(), Map.of("limit", Integer.toString(page.limit()))),
              page,
              data.size(),
              // one period: its links page through its recipient lines
              period != null ? data.get(0).get("recipientCount").asLong() : total,
              false);
      return ApiResponse.page(meta, data, request.tip());
    } catch (ProposalUnavailableException e) {
      throw new ApiException(unavailable(e));
    }
  }

  private static long required(ApiRequest request, String key) throws ApiException {
    Long value = PaginationValidator.integer(request.query(), key);
    if (value == null) {
      throw unprocessable("\"" + key + "\" is required");
    }
    return value;
  }

  private static ApiException unprocessable(String message) {
    return new ApiException(ApiError.unprocessable(message));
  }

  /** A proposal registered on chain whose document this node lacks: nothing can be computed. */
  private static ApiError unavailable(ProposalUnavailableException e) {
    return new ApiError(409, "Conflict", e.getMessage());
  }

  private JsonNode documentJson(DelegateProposal p) {
    if (p.proposal().isEmpty()) {
      return null;
    }
    return funding
        .flatMap(f -> f.proposals().documentBytes(p.registration().cid()))
        .map(FundingRoutes::parse)
        .orElse(null);
  }

  private static JsonNode parse(byte[] document) {
    try {
      return ApiHttpHandler.JSON.readTree(document);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a validated proposal is JSON", e);
    }
  }
}
