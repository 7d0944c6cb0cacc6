package com.osmosecollective.node.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One GET request as a route handler sees it.
 *
 * @param params the route's path parameters by name (e.g. {@code id} of {@code /blocks/{id}})
 * @param query the query parameters in request order (the first value of a repeated key)
 * @param tip the chain tip height, read once per request so every part of an answer agrees
 */
public record ApiRequest(Map<String, String> params, Map<String, String> query, long tip) {
  public ApiRequest {
    params = Map.copyOf(params);
    query = new LinkedHashMap<>(Objects.requireNonNull(query, "query"));
  }

  public String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no parameter " + name);
    }
    return value;
  }

  @Override
  public Map<String, String> query() {
    return new LinkedHashMap<>(query);
  }
}
