package com.osmosecollective.node.genesis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A YAML node of a genesis spec with its path, so that every complaint names the key it is about
 * ("premine.distribution[2].percent: ...").
 */
final class SpecNode {
  private static final int COIN_DECIMALS = 8;

  private final JsonNode node;
  private final String path;

  SpecNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  SpecException error(String message) {
    return new SpecException((path.isEmpty() ? "" : path + ": ") + message);
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** The object's keys must all be among {@code allowed}: a misspelt key is not ignored. */
  SpecNode onlyKeys(Set<String> allowed) throws SpecException {
    if (!node.isObject()) {
      throw error("must be a mapping of keys to values");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw child(name)
            .error("unknown key (allowed: " + String.join(", ", sorted(allowed)) + ")");
      }
    }
    return this;
  }

  SpecNode child(String key) {
    return new SpecNode(node.path(key), path.isEmpty() ? key : path + "." + key);
  }

  SpecNode required(String key) throws SpecException {
    if (!has(key)) {
      throw child(key).error("is required");
    }
    return child(key);
  }

  List<SpecNode> list() throws SpecException {
    if (!node.isArray()) {
      throw error("must be a list");
    }
    List<SpecNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new SpecNode(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  String text() throws SpecException {
    if (!node.isTextual() && !node.isNumber()) {
      throw error("must be a text");
    }
    return node.asText();
  }

  String text(String pattern, String rule) throws SpecException {
    String value = text();
    if (!value.matches(pattern)) {
      throw error("'" + value + "' " + rule);
    }
    return value;
  }

  long integer(long min, long max) throws SpecException {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw error("must be a whole number");
    }
    long value = node.asLong();
    if (value < min || value > max) {
      throw error("must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  boolean bool() throws SpecException {
    if (!node.isBoolean()) {
      throw error("must be true or false");
    }
    return node.asBoolean();
  }

  BigDecimal decimal() throws SpecException {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().replace("_", ""));
      } catch (NumberFormatException e) {
        throw error("'" + node.asText() + "' is not a number");
      }
    }
    throw error("must be a number");
  }

  /** An amount of coins (at most 8 decimals) as arktoshi. */
  long coins() throws SpecException {
    BigDecimal value = decimal();
    if (value.signum() < 0) {
      throw error("must not be negative");
    }
    try {
      return value.movePointRight(COIN_DECIMALS).longValueExact();
    } catch (ArithmeticException e) {
      throw error(
          value.toPlainString() + " is not an amount (at most 8 decimals, below 2^63 arktoshi)");
    }
  }

  Instant instant() throws SpecException {
    String text = text();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw error("'" + text + "' is not an ISO-8601 instant such as 2027-01-01T00:00:00.000Z");
    }
  }

  private static List<String> sorted(Set<String> names) {
    List<String> out = new ArrayList<>(names);
    out.sort(null);
    return out;
  }
}
