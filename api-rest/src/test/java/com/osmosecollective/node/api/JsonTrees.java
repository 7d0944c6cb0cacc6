package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares JSON trees as a client reading the text would: same keys in the same order, same values
 * (numbers by value, whatever Jackson node type holds them), and reports the first path that
 * differs.
 */
final class JsonTrees {
  private JsonTrees() {}

  static void assertSameTree(JsonNode actual, JsonNode expected) {
    assertSameTree(actual, expected, Set.of());
  }

  /**
   * @param ignoredKeys object keys whose values are not compared (their presence still is)
   */
  static void assertSameTree(JsonNode actual, JsonNode expected, Set<String> ignoredKeys) {
    compare("$", actual, expected, ignoredKeys);
  }

  private static void compare(
      String path, JsonNode actual, JsonNode expected, Set<String> ignored) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
      assertThat(names(actual)).as(path + " keys in order").isEqualTo(names(expected));
      for (String name : names(expected)) {
        if (!ignored.contains(name)) {
          compare(path + "." + name, actual.get(name), expected.get(name), ignored);
        }
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as(path + " is an array: " + actual).isTrue();
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", actual.get(i), expected.get(i), ignored);
      }
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(path + " is a number: " + actual).isTrue();
      assertThat(actual.decimalValue().compareTo(expected.decimalValue()))
          .as(path + ": " + actual + " vs " + expected)
          .isZero();
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
