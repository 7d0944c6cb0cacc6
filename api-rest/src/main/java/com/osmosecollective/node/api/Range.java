package com.osmosecollective.node.api;

import java.math.BigInteger;
import java.util.Map;

/**
 * A numeric filter as ARK takes it: an exact value ({@code amount=5}) or bounds ({@code
 * amount.from=1&amount.to=5}, either side optional, inclusive).
 */
record Range(long from, long to) {
  static final Range ANY = new Range(Long.MIN_VALUE, Long.MAX_VALUE);

  boolean contains(long value) {
    return value >= from && value <= to;
  }

  boolean isAny() {
    return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
  }

  boolean isExact() {
    return from == to;
  }

  /**
   * The range named {@code key} in {@code query}, or null when absent.
   *
   * @throws ApiException 422 for a value that is not an integer
   */
  static Range parse(Map<String, String> query, String key) throws ApiException {
    String exact = query.get(key);
    String from = query.get(key + ".from");
    String to = query.get(key + ".to");
    if (exact == null && from == null && to == null) {
      return null;
    }
    if (exact != null) {
      long v = number(key, exact);
      return new Range(v, v);
    }
    return new Range(
        from == null ? Long.MIN_VALUE : number(key + ".from", from),
        to == null ? Long.MAX_VALUE : number(key + ".to", to));
  }

  private static long number(String key, String text) throws ApiException {
    String t = text.strip();
    if (!t.matches("[+-]?\\d{1,40}")) {
      throw new ApiException(ApiError.unprocessable("\"" + key + "\" must be a number"));
    }
    BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
    // beyond a long no stored amount, fee, height or timestamp can be: clamp, the set is the same
    if (v.bitLength() > 63) {
      return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return v.longValue();
  }
}
