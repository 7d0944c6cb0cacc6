package com.osmosecollective.node.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request target split into path segments and query parameters. Each segment is percent-decoded
 * on its own, so an encoded {@code %2F} stays inside its segment and never becomes a separator; a
 * malformed escape or invalid UTF-8 is refused. A trailing slash is dropped (as ARK's server does).
 */
record RequestTarget(List<String> segments, Map<String, String> query) {
  static final int MAX_QUERY_PARAMS = 64;

  /**
   * @throws IllegalArgumentException for a target that is not a valid origin-form path and query
   */
  static RequestTarget parse(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? "" : uri.substring(q + 1);
    int hash = rawQuery.indexOf('#');
    if (hash >= 0) {
      rawQuery = rawQuery.substring(0, hash);
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("not an origin-form path");
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      segments.add(decode(raw));
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      QueryStringDecoder decoder =
          new QueryStringDecoder("?" + rawQuery, StandardCharsets.UTF_8, true, MAX_QUERY_PARAMS);
      // the first value of a repeated key, as the routes served take single values
      decoder.parameters().forEach((k, v) -> query.put(k, v.get(0)));
    }
    return new RequestTarget(List.copyOf(segments), query);
  }

  /** Strict percent-decoding of one path segment ('+' stays a plus in a path). */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated percent escape");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad percent escape");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 in a path segment");
    }
  }
}
