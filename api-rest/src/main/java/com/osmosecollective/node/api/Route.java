package com.osmosecollective.node.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A path template such as {@code /api/blocks/{id}/transactions} and its handler. A segment in
 * braces matches any one non-empty segment and is handed to the handler under its name.
 */
public record Route(String template, RouteHandler handler) {
  public Route {
    Objects.requireNonNull(handler, "handler");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with '/': " + template);
    }
  }

  /** The path parameters when {@code path} (split on '/') fits the template. */
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
