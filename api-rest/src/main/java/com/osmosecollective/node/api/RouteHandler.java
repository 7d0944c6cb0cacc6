package com.osmosecollective.node.api;

/** Answers the requests of one route. */
@FunctionalInterface
public interface RouteHandler {
  /**
   * @throws ApiException for an answer that is one of ARK's error bodies (bad parameter, not found)
   */
  ApiResponse handle(ApiRequest request) throws ApiException;
}
