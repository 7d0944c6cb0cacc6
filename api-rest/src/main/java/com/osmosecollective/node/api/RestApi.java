package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.storage.ChainTip;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ARK Core 3.9's public REST API as a table of routes (first match wins, so literal paths come
 * before the templates they would also fit). Transport-free: the HTTP layer hands it the method,
 * the path segments (percent-decoded one by one), the decoded query and, for POST, the parsed body.
 */
public final class RestApi {
  private final ApiServices services;
  private final List<Route> routes;
  private final DocsEndpoint docs;
  private final EventHub events;
  private final boolean streamsEvents;

  /** The API without funding data: its funding routes answer 404 (see {@link FundingRoutes}). */
  public RestApi(ApiServices services) {
    this(services, Optional.empty());
  }

  /** The API with the funding services (proposals, payouts, open accounts) of issue #14. */
  public RestApi(ApiServices services, Funding funding) {
    this(services, Optional.of(funding));
  }

  private RestApi(ApiServices services, Optional<Funding> funding) {
    this.services = services;
    this.routes = new ApiRoutes(services, funding).all();
    this.docs = new DocsEndpoint(routes);
    this.events = new EventHub(new RawJson(services.network()));
    this.streamsEvents = true;
  }

  /**
   * Another table on the same HTTP machinery (the webhooks server): {@code routes} and their
   * document, no {@code /api/events}.
   */
  RestApi(ApiServices services, List<Route> routes, DocsEndpoint docs) {
    this.services = services;
    this.routes = List.copyOf(routes);
    this.docs = docs;
    this.events = new EventHub(new RawJson(services.network()));
    this.streamsEvents = false;
  }

  /** Whether {@code GET /api/events} is served here. */
  boolean streamsEvents() {
    return streamsEvents;
  }

  /**
   * ARK's chain events for {@code /api/events}: the app registers this with the chain ({@code
   * chain.addListener(api.events())}); closed with the server.
   */
  public EventHub events() {
    return events;
  }

  /** The OpenAPI description of {@link #routes()} and Swagger UI ({@code /api/docs}). */
  DocsEndpoint docs() {
    return docs;
  }

  /** Every route served, in matching order (for the OpenAPI description and metrics). */
  public List<Route> routes() {
    return routes;
  }

  /** The tip now (empty on an empty chain). */
  Optional<ChainTip> chainTip() {
    return services.queries().tip();
  }

  /** The tip height now (0 on an empty chain), for answers made outside a route. */
  public long tip() {
    return services.queries().tip().map(ChainTip::height).orElse(0L);
  }

  /** What a request matched: a route and its parameters, or an error to answer. */
  public record Match(Route route, Map<String, String> params, ApiError error) {}

  /**
   * The route for {@code method} and {@code segments} (the path split on '/', without the leading
   * empty segment), or Hapi's 404 for an unknown path and 405 for a path served for other methods
   * only. HEAD is served as GET.
   */
  public Match match(String method, List<String> segments) {
    String wanted = "HEAD".equals(method) ? "GET" : method;
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isPresent()) {
        if (route.method().equals(wanted)) {
          return new Match(route, params.get(), null);
        }
        pathKnown = true;
      }
    }
    if (pathKnown) {
      return new Match(null, Map.of(), ApiError.methodNotAllowed());
    }
    return new Match(null, Map.of(), ApiError.notFound("Not Found"));
  }

  /** Answers one request: the query keys are checked against the route, then its handler runs. */
  public ApiResponse answer(
      String method, List<String> segments, Map<String, String> query, JsonNode body) {
    long tip = tip();
    Match match = match(method, segments);
    if (match.error() != null) {
      return ApiResponse.error(match.error(), tip);
    }
    return answer(match, query, body, tip);
  }

  /** Answers a request already matched (the HTTP layer matches first to refuse bodies early). */
  public ApiResponse answer(Match match, Map<String, String> query, JsonNode body, long tip) {
    return answer(match, query, body, null, tip);
  }

  /** Answers a request already matched, with the body's bytes as received. */
  public ApiResponse answer(
      Match match, Map<String, String> query, JsonNode body, Bytes rawBody, long tip) {
    try {
      for (String name : match.route().parameters()) {
        if (match.params().get(name).length() > Route.MAX_PARAM_LENGTH) {
          // no identifier is this long: refused before any lookup, in Joi's words
          throw new ApiException(
              ApiError.unprocessable("\"" + name + "\" does not match any of the allowed types"));
        }
      }
      match.route().query().check(query);
      return match
          .route()
          .handler()
          .handle(new ApiRequest(match.params(), query, tip, body, rawBody));
    } catch (ApiException e) {
      return ApiResponse.error(e.error(), tip);
    }
  }

  /** GET {@code path} (leading '/', no query string), for tests and tools. */
  public ApiResponse get(String path, Map<String, String> query) {
    return answer("GET", segments(path), query, null);
  }

  static List<String> segments(String path) {
    return List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
  }
}
