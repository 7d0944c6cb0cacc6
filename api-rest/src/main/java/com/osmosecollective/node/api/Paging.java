package com.osmosecollective.node.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paging of one list route: validates {@code page}/{@code limit}/{@code offset} as ARK does and
 * builds the {@code meta} links from the request's query followed by the route's defaults and then
 * pagination's own ({@code page}, {@code limit}), as ARK's validated query lists them.
 */
final class Paging {
  private final PaginationValidator validator;
  private final String path;
  private final Map<String, String> routeDefaults;

  /**
   * @param path the route's path as the links print it (without {@code /api})
   * @param routeDefaults the defaults the route's schema adds, in schema order (e.g. {@code
   *     transform=true})
   */
  Paging(PaginationValidator validator, String path, Map<String, String> routeDefaults) {
    this.validator = validator;
    this.path = path;
    this.routeDefaults = new LinkedHashMap<>(routeDefaults);
  }

  Pagination validate(ApiRequest request) throws ApiException {
    return validator.validate(request.query());
  }

  /**
   * @param totalCount entries on all pages
   * @param estimate whether {@code totalCount} is an estimate
   */
  PageMeta meta(
      ApiRequest request, Pagination pagination, int count, long totalCount, boolean estimate) {
    Map<String, String> query = request.query();
    // Joi hands on the converted numbers ("02" → 2), and so do ARK's links
    query.computeIfPresent("page", (k, v) -> Long.toString(pagination.page()));
    query.computeIfPresent("limit", (k, v) -> Integer.toString(pagination.limit()));
    query.computeIfPresent("offset", (k, v) -> Long.toString(pagination.offset()));
    Map<String, String> defaults = new LinkedHashMap<>(routeDefaults);
    defaults.put("page", "1");
    defaults.put("limit", Integer.toString(pagination.limit()));
    return new PageMeta(
        path, PageMeta.linkQuery(query, defaults), pagination, count, totalCount, estimate);
  }

  /**
   * The meta of a page read from an index scan: the total is exact when the scan reached the end
   * (or found nothing from the start), else {@code estimate} (an estimate, as ARK's Postgres
   * figure) raised to what the page proves exists, so the links stay consistent.
   */
  PageMeta metaOfScan(
      ApiRequest request, Pagination pagination, int count, boolean more, long estimate) {
    long reached = pagination.offset() + count;
    if (!more && (count > 0 || pagination.offset() == 0)) {
      return meta(request, pagination, count, reached, false);
    }
    long proven = count == 0 ? 0 : reached + 1;
    return meta(request, pagination, count, Math.max(estimate, proven), true);
  }

  /** Storage pages are addressed by an {@code int} offset; beyond it no index holds entries. */
  static boolean beyondStorage(Pagination pagination) {
    return pagination.offset() > Integer.MAX_VALUE;
  }
}
