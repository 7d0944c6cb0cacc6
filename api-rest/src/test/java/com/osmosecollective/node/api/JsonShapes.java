package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the shape of two JSON answers key by key, as a client parsing them sees it: the same
 * keys in the same order, the same kind of value under each (string, number, boolean, null, object,
 * array), recursively; array items against the expected array's item at the same index (or its
 * last). The page links {@code next} and {@code previous} may be null on either side. Values
 * themselves are not compared. Keys named {@code optional} may be absent on either side
 * (state-dependent fields such as a delegate's {@code lastBlock}); when present on both, they are
 * compared too.
 */
final class JsonShapes {
  private JsonShapes() {}

  static void assertSameShape(JsonNode actual, JsonNode expected) {
    assertSameShape(actual, expected, Set.of());
  }

  static void assertSameShape(JsonNode actual, JsonNode expected, Set<String> optional) {
    compare("$", actual, expected, optional);
  }

  /** The page links of {@code meta}: a string, or null at either end of the list. */
  private static final Set<String> LINKS = Set.of("next", "previous");

  private static void compare(String path, JsonNode actual, JsonNode expected, Set<String> opt) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    if (LINKS.contains(key) && (actual.isNull() || expected.isNull())) {
      assertThat(kind(actual)).as(path).isIn("null", "string");
      assertThat(kind(expected)).as(path).isIn("null", "string");
      return;
    }
    assertThat(kind(actual)).as(path + " kind: " + actual).isEqualTo(kind(expected));
    if (expected.isObject()) {
      List<String> a = names(actual);
      List<String> e = names(expected);
      a.removeIf(k -> opt.contains(k) && !expected.has(k));
      e.removeIf(k -> opt.contains(k) && !actual.has(k));
      assertThat(a).as(path + " keys in order").isEqualTo(e);
      for (String k : e) {
        compare(path + "." + k, actual.get(k), expected.get(k), opt);
      }
    } else if (expected.isArray() && !expected.isEmpty()) {
      for (int i = 0; i < actual.size(); i++) {
        compare(
            path + "[" + i + "]",
            actual.get(i),
            expected.get(Math.min(i, expected.size() - 1)),
            opt);
      }
    }
  }

  static String kind(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "missing";
    }
    if (v.isObject()) {
      return "object";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
