package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a route handler sees it.
 *
 * @param params the route's path parameters by name (e.g. {@code id} of {@code /blocks/{id}})
 * @param query the query parameters in request order (the first value of a repeated key)
 * @param tip the chain tip height, read once per request so every part of an answer agrees
 * @param body the parsed JSON body of a POST, null for GET
 * @param rawBody the body's bytes as received (a proposal's CID is computed on them), null for GET
 */
public record ApiRequest(
    Map<String, String> params, Map<String, String> query, long tip, JsonNode body, Bytes rawBody) {
  public ApiRequest {
    params = Map.copyOf(params);
    query = new LinkedHashMap<>(Objects.requireNonNull(query, "query"));
  }

  public ApiRequest(
      Map<String, String> params, Map<String, String> query, long tip, JsonNode body) {
    this(params, query, tip, body, null);
  }

  public ApiRequest(Map<String, String> params, Map<String, String> query, long tip) {
    this(params, query, tip, null);
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

  /** One query value, or null. */
  public String queryValue(String key) {
    return query.get(key);
  }
}
