package com.osmosecollective.node.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters one route takes. ARK's Joi schemas refuse every other key with a 422 ({@code
 * "x" is not allowed}); a key ARK takes that this node does not serve yet is refused too, with its
 * own message, so a filter is never silently ignored.
 *
 * @param keys exact keys served (e.g. {@code limit}, {@code amount.from})
 * @param prefixes dotted families served whole (e.g. {@code asset.}, {@code attributes.})
 * @param arkOnly keys (or prefixes ending in '.') ARK takes that this node refuses as unsupported
 */
public record QueryKeys(Set<String> keys, Set<String> prefixes, Set<String> arkOnly) {
  public QueryKeys {
    keys = Set.copyOf(keys);
    prefixes = Set.copyOf(prefixes);
    arkOnly = Set.copyOf(arkOnly);
  }

  public static final QueryKeys NONE = new QueryKeys(Set.of(), Set.of(), Set.of());

  public static QueryKeys of(String... keys) {
    return new QueryKeys(Set.of(keys), Set.of(), Set.of());
  }

  static final List<String> PAGING = List.of("page", "limit", "offset");

  /** Paging plus {@code keys}. */
  public static QueryKeys paged(String... keys) {
    Set<String> all = new LinkedHashSet<>(PAGING);
    all.addAll(List.of(keys));
    return new QueryKeys(all, Set.of(), Set.of());
  }

  public QueryKeys with(QueryKeys more) {
    Set<String> k = new LinkedHashSet<>(keys);
    k.addAll(more.keys);
    Set<String> p = new LinkedHashSet<>(prefixes);
    p.addAll(more.prefixes);
    Set<String> a = new LinkedHashSet<>(arkOnly);
    a.addAll(more.arkOnly);
    return new QueryKeys(k, p, a);
  }

  /**
   * @throws ApiException 422 naming the first key of {@code query} this route does not take
   */
  void check(Map<String, String> query) throws ApiException {
    for (String key : query.keySet()) {
      if (keys.contains(key) || prefixes.stream().anyMatch(key::startsWith)) {
        continue;
      }
      String root = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (arkOnly.contains(key) || arkOnly.contains(root + ".")) {
        throw new ApiException(
            ApiError.unprocessable("\"" + key + "\" is not supported by this node"));
      }
      throw new ApiException(ApiError.unprocessable("\"" + root + "\" is not allowed"));
    }
  }
}
