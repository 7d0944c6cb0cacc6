package com.osmosecollective.node.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ARK's {@code orderBy} query parameter: comma-separated {@code property:direction} pairs. A
 * property must be one the route's criteria name (or lie under one of its wildcard prefixes, such
 * as {@code attributes.}), a direction is {@code asc} (the default) or {@code desc}. The database
 * lists (transactions, blocks) also check ARK's older pattern, which requires the direction.
 */
final class OrderBy {
  private static final Pattern DATABASE_ITEM =
      Pattern.compile("^[a-z._]{1,40}:(asc|desc)$", Pattern.CASE_INSENSITIVE);

  private final Set<String> properties;
  private final Set<String> wildcardPrefixes;
  private final boolean directionRequired;

  private OrderBy(Set<String> properties, Set<String> wildcardPrefixes, boolean required) {
    this.properties = Set.copyOf(properties);
    this.wildcardPrefixes = Set.copyOf(wildcardPrefixes);
    this.directionRequired = required;
  }

  /** The order of a database list: the pattern applies ({@code property:asc|desc}). */
  static OrderBy database(Set<String> properties) {
    return new OrderBy(properties, Set.of(), true);
  }

  /** The order of an in-memory list (wallets, delegates, locks). */
  static OrderBy memory(Set<String> properties, Set<String> wildcardPrefixes) {
    return new OrderBy(properties, wildcardPrefixes, false);
  }

  /**
   * @return the sort keys in order; empty when the parameter is absent (or empty where allowed)
   * @throws ApiException 422 with ARK's message for a malformed item, an unknown property or a
   *     direction other than asc/desc
   */
  List<Sort> parse(String value) throws ApiException {
    if (value == null) {
      return List.of();
    }
    String[] items = value.split(",", -1);
    if (directionRequired) {
      if (value.isEmpty()) {
        throw new ApiException(ApiError.unprocessable("\"orderBy\" is not allowed to be empty"));
      }
      for (int i = 0; i < items.length; i++) {
        if (!DATABASE_ITEM.matcher(items[i]).matches()) {
          String label = items.length == 1 ? "orderBy" : "orderBy[" + i + "]";
          throw new ApiException(
              ApiError.unprocessable(
                  "\""
                      + label
                      + "\" with value \""
                      + items[i]
                      + "\" fails to match the required pattern: "
                      + "/^[a-z._]{1,40}:(asc|desc)$/i"));
        }
      }
    } else if (value.isEmpty()) {
      return List.of();
    }
    List<Sort> out = new ArrayList<>(items.length);
    for (String item : items) {
      String[] pair = item.split(":", -1);
      String property = pair[0];
      String direction = pair.length == 1 ? "asc" : pair[1];
      if (!properties.contains(property)
          && wildcardPrefixes.stream().noneMatch(p -> property.startsWith(p + "."))) {
        throw new ApiException(
            ApiError.unprocessable("Unknown orderBy property '" + property + "'"));
      }
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new ApiException(
            ApiError.unprocessable(
                "Unexpected orderBy direction '"
                    + direction
                    + "' for property '"
                    + property
                    + "'"));
      }
      out.add(new Sort(property, direction.equals("desc")));
    }
    return out;
  }
}
