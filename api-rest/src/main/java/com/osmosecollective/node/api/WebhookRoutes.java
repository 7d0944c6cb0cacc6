package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ARK Core's webhook routes ({@code @arkecosystem/core-webhooks}): the list and one webhook without
 * their tokens, a registration answered 201 with the token (the only time it is shown), a change or
 * removal answered 204, an unknown id Boom's bare 404.
 */
final class WebhookRoutes {
  private final WebhookStore store;

  WebhookRoutes(WebhookStore store) {
    this.store = store;
  }

  List<Route> all() {
    return List.of(
        Route.get("/api/webhooks", QueryKeys.NONE, this::list),
        Route.post("/api/webhooks", QueryKeys.NONE, this::create),
        Route.get("/api/webhooks/{id}", QueryKeys.NONE, this::show),
        new Route("PUT", "/api/webhooks/{id}", QueryKeys.NONE, this::update),
        new Route("DELETE", "/api/webhooks/{id}", QueryKeys.NONE, this::delete));
  }

  private ApiResponse list(ApiRequest request) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode data = o.putArray("data");
    store.all().forEach(w -> data.add(w.toJson(false)));
    return new ApiResponse(200, o, request.tip());
  }

  private ApiResponse create(ApiRequest request) throws ApiException {
    Webhook created = store.create(WebhookRegistration.parse(request.body(), false));
    return ApiResponse.created(created.toJson(true), request.tip());
  }

  private ApiResponse show(ApiRequest request) throws ApiException {
    Webhook webhook = store.find(request.param("id")).orElseThrow(WebhookRoutes::notFound);
    return ApiResponse.data(webhook.toJson(false), request.tip());
  }

  private ApiResponse update(ApiRequest request) throws ApiException {
    // as Hapi: the body is validated before the handler looks the id up
    WebhookRegistration change = WebhookRegistration.parse(request.body(), true);
    if (!store.update(request.param("id"), change)) {
      throw notFound();
    }
    return ApiResponse.noContent(request.tip());
  }

  private ApiResponse delete(ApiRequest request) throws ApiException {
    if (!store.delete(request.param("id"))) {
      throw notFound();
    }
    return ApiResponse.noContent(request.tip());
  }

  private static ApiException notFound() {
    return new ApiException(ApiError.notFound("Not Found"));
  }
}
