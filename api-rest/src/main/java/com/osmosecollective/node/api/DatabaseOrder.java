package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of ARK's database lists (transactions, blocks), which Postgres sorts: a null value
 * sorts after every other value ascending and before them descending; numbers numerically, text and
 * binary ({@code vendorField} is a {@code bytea}) bytewise, {@code jsonb} by Postgres' jsonb rules.
 * Ties, which Postgres leaves in no particular order, are broken by the caller's order.
 */
final class DatabaseOrder {
  private DatabaseOrder() {}

  /** A candidate with its sort values, computed once. */
  record Row<T>(T item, List<Object> values) {}

  static <T> Comparator<Row<T>> of(List<Sort> sorts, Comparator<T> tiebreak) {
    return (a, b) -> {
      for (int i = 0; i < sorts.size(); i++) {
        Object x = a.values().get(i);
        Object y = b.values().get(i);
        int c;
        if (x == null || y == null) {
          c = x == null ? (y == null ? 0 : 1) : -1;
        } else {
          c = compare(x, y);
        }
        if (c != 0) {
          return sorts.get(i).descending() ? -c : c;
        }
      }
      return tiebreak.compare(a.item(), b.item());
    };
  }

  static int compare(Object x, Object y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    if (x instanceof String a && y instanceof String b) {
      return a.compareTo(b);
    }
    if (x instanceof byte[] a && y instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    if (x instanceof JsonNode a && y instanceof JsonNode b) {
      return jsonb(a, b);
    }
    throw new IllegalArgumentException("values of different kinds: " + x + ", " + y);
  }

  /**
   * Postgres' jsonb ordering: object above array above boolean above number above string above
   * null; an object or array with more members above one with fewer; objects of equal size compare
   * key, value, key, value… with keys in jsonb's storage order (shorter first, then bytewise).
   */
  static int jsonb(JsonNode a, JsonNode b) {
    int kind = Integer.compare(rank(a), rank(b));
    if (kind != 0) {
      return kind;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return Integer.compare(a.size(), b.size());
      }
      List<String> ka = storageOrder(a);
      List<String> kb = storageOrder(b);
      for (int i = 0; i < ka.size(); i++) {
        int c = jsonKey(ka.get(i), kb.get(i));
        if (c != 0) {
          return c;
        }
        c = jsonb(a.get(ka.get(i)), b.get(kb.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return Integer.compare(a.size(), b.size());
      }
      for (int i = 0; i < a.size(); i++) {
        int c = jsonb(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    if (a.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    if (a.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isTextual()) {
      return a.textValue().compareTo(b.textValue());
    }
    return 0;
  }

  private static int rank(JsonNode v) {
    if (v.isObject()) {
      return 5;
    }
    if (v.isArray()) {
      return 4;
    }
    if (v.isBoolean()) {
      return 3;
    }
    if (v.isNumber()) {
      return 2;
    }
    if (v.isTextual()) {
      return 1;
    }
    return 0;
  }

  private static List<String> storageOrder(JsonNode object) {
    List<String> keys = new ArrayList<>(object.size());
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      keys.add(e.getKey());
    }
    keys.sort(DatabaseOrder::jsonKey);
    return keys;
  }

  private static int jsonKey(String a, String b) {
    byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return x.length != y.length
        ? Integer.compare(x.length, y.length)
        : Arrays.compareUnsigned(x, y);
  }
}
