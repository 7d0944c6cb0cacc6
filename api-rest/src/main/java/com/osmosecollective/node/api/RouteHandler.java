package com.osmosecollective.node.api;

/** Answers the requests of one route. */
@FunctionalInterface
public interface RouteHandler {
  /**
   * Answers one request of the route.
   *
   * @throws ApiException for an answer that is one of ARK's error bodies (bad parameter, not found)
   */
  ApiResponse handle(ApiRequest request) throws ApiException;
}
