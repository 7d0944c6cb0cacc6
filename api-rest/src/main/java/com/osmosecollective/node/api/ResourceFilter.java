package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters on a rendered resource, as ARK's in-memory searches apply them: a key is a dotted path
 * into the resource; {@code path=value} compares as text ({@code %} wildcards), {@code
 * path.from}/{@code path.to} bound a number inclusively.
 */
final class ResourceFilter {
  // a parsed filter held by this class alone, never compared
  @SuppressWarnings("ArrayRecordComponent")
  private record Condition(String[] path, Like exact, BigDecimal from, BigDecimal to) {}

  private final List<Condition> conditions;

  private ResourceFilter(List<Condition> conditions) {
    this.conditions = conditions;
  }

  /**
   * @param filterKeys the paths the route filters on (without {@code .from}/{@code .to})
   */
  static ResourceFilter parse(Map<String, String> query, Set<String> filterKeys)
      throws ApiException {
    List<Condition> out = new ArrayList<>();
    for (String key : filterKeys) {
      String exact = query.get(key);
      String from = query.get(key + ".from");
      String to = query.get(key + ".to");
      if (exact == null && from == null && to == null) {
        continue;
      }
      out.add(
          new Condition(
              key.split("\\."),
              exact == null ? null : Like.of(exact),
              number(key + ".from", from),
              number(key + ".to", to)));
    }
    return new ResourceFilter(out);
  }

  private static BigDecimal number(String key, String text) throws ApiException {
    if (text == null) {
      return null;
    }
    try {
      if (text.length() > 40) {
        throw new NumberFormatException();
      }
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new ApiException(ApiError.unprocessable("\"" + key + "\" must be a number"));
    }
  }

  boolean isEmpty() {
    return conditions.isEmpty();
  }

  boolean test(JsonNode resource) {
    for (Condition c : conditions) {
      JsonNode at = resource;
      for (String p : c.path()) {
        at = at == null ? null : at.get(p);
      }
      if (at == null || at.isNull() || at.isContainerNode()) {
        return false;
      }
      if (c.exact() != null && !c.exact().matches(at.asText())) {
        return false;
      }
      if (c.from() != null || c.to() != null) {
        BigDecimal v;
        try {
          v = new BigDecimal(at.asText());
        } catch (NumberFormatException e) {
          return false;
        }
        if ((c.from() != null && v.compareTo(c.from()) < 0)
            || (c.to() != null && v.compareTo(c.to()) > 0)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The query keys of {@code filterKeys}: each path, and its bounds. */
  static Set<String> keys(Set<String> filterKeys) {
    Set<String> out = new java.util.HashSet<>();
    for (String k : filterKeys) {
      out.add(k);
      out.add(k + ".from");
      out.add(k + ".to");
    }
    return out;
  }
}
