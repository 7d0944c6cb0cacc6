package com.osmosecollective.node.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A method, a path template such as {@code /api/blocks/{id}/transactions}, the query keys it takes
 * and its handler. A segment in braces matches any one non-empty segment of at most {@link
 * #MAX_PARAM_LENGTH} characters and is handed to the handler under its name.
 */
public record Route(String method, String template, QueryKeys query, RouteHandler handler) {
  /** No identifier ARK knows is longer (a 66-hex public key; usernames are 20). */
  static final int MAX_PARAM_LENGTH = 128;

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(handler, "handler");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with '/': " + template);
    }
  }

  /** A GET route taking no query keys. */
  public Route(String template, RouteHandler handler) {
    this("GET", template, QueryKeys.NONE, handler);
  }

  static Route get(String template, QueryKeys query, RouteHandler handler) {
    return new Route("GET", template, query, handler);
  }

  static Route post(String template, QueryKeys query, RouteHandler handler) {
    return new Route("POST", template, query, handler);
  }

  /** The template's parameter names, in order. */
  List<String> parameters() {
    return java.util.Arrays.stream(template.substring(1).split("/", -1))
        .filter(p -> p.startsWith("{"))
        .map(p -> p.substring(1, p.length() - 1))
        .toList();
  }

  /**
   * The path parameters when {@code path} (split on '/') fits the template; a parameter longer than
   * {@link #MAX_PARAM_LENGTH} still fits (the handler refuses it before any lookup).
   */
  Optional<Map<String, String>> match(List<String> segments) {
    String[] parts = template.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      String segment = segments.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segment.isEmpty()) {
          return Optional.empty();
        }
        params.put(part.substring(1, part.length() - 1), segment);
      } else if (!part.equals(segment)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
