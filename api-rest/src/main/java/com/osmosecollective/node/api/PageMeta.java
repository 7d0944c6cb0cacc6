package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code meta} object of ARK's paginated answers: counts and the relative links (path without
 * {@code /api}). A link's query is the request's validated query, in ARK's key order (the request's
 * own parameters first, then the defaults the route added), without {@code orderBy}, with {@code
 * page} set to the linked page (in its place when the request named it, else last).
 *
 * @param path the route path without {@code /api}, e.g. {@code /blocks}
 * @param query validated query values as ARK prints them (e.g. {@code limit=2}, {@code
 *     transform=true})
 * @param count entries on this page
 * @param totalCount entries on all pages (an estimate when {@code totalCountIsEstimate})
 */
public record PageMeta(
    String path,
    Map<String, String> query,
    Pagination pagination,
    int count,
    long totalCount,
    boolean totalCountIsEstimate) {

  public PageMeta {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(pagination, "pagination");
    query = new LinkedHashMap<>(query);
    if (count < 0 || totalCount < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /**
   * The query ARK links with: {@code request} parameters in request order, then each of {@code
   * defaults} the request did not name, in the route schema's order.
   */
  public static Map<String, String> linkQuery(
      Map<String, String> request, Map<String, String> defaults) {
    Map<String, String> out = new LinkedHashMap<>(request);
    defaults.forEach(out::putIfAbsent);
    return out;
  }

  /** {@code ceil(totalCount / limit)}, and 1 for an empty list (ARK never reports 0 pages). */
  public long pageCount() {
    long limit = pagination.limit();
    return Math.max(1, (totalCount + limit - 1) / limit);
  }

  public ObjectNode toJson() {
    long page = pagination.page();
    long pages = pageCount();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("totalCountIsEstimate", totalCountIsEstimate);
    o.put("count", count);
    o.put("pageCount", pages);
    o.put("totalCount", totalCount);
    if (page < pages) {
      o.put("next", link(page + 1));
    } else {
      o.putNull("next");
    }
    if (page > 1) {
      o.put("previous", link(page - 1));
    } else {
      o.putNull("previous");
    }
    o.put("self", link(page));
    o.put("first", link(1));
    o.put("last", link(pages));
    return o;
  }

  String link(long page) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.remove("orderBy");
    q.put("page", Long.toString(page));
    StringBuilder out = new StringBuilder(path).append('?');
    boolean first = true;
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (!first) {
        out.append('&');
      }
      first = false;
      out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return out.toString();
  }

  /** qs's RFC 3986 encoding: only unreserved characters stay as they are. */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
