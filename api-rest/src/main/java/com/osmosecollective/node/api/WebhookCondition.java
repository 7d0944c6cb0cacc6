package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One of a webhook's conditions as ARK's core-webhooks takes them: the event data's top-level
 * {@code key}, a {@code condition} name and the {@code value} compared with (absent for {@code
 * truthy}/{@code falsy}). The comparisons follow ARK's: numbers as big numbers (anything that is
 * not one compares false), {@code eq} on the JSON text, {@code contains} on a string or an array,
 * {@code between} exclusive of {@code value.min} and {@code value.max}, {@code truthy} for {@code
 * true} or the text "true", {@code regexp} on the value's text.
 *
 * @param value null when the registration gave none
 */
record WebhookCondition(String key, JsonNode value, String condition) {
  static final List<String> NAMES =
      List.of(
          "between",
          "contains",
          "eq",
          "falsy",
          "gt",
          "gte",
          "lt",
          "lte",
          "ne",
          "not-between",
          "regexp",
          "truthy");

  /** Patterns are compiled from operator input: short ones only. */
  static final int MAX_PATTERN = 256;

  /** Text a pattern is matched against is cut here (values of chain events are short). */
  private static final int MAX_SUBJECT = 4096;

  WebhookCondition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(condition, "condition");
    if (!NAMES.contains(condition)) {
      throw new IllegalArgumentException("unknown condition " + condition);
    }
  }

  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("key", key);
    if (value != null) {
      o.set("value", value);
    }
    o.put("condition", condition);
    return o;
  }

  /**
   * Whether {@code data}'s {@code key} satisfies the condition; empty where ARK's comparison throws
   * (a missing value for {@code contains}, {@code truthy}, {@code falsy}; a pattern that does not
   * compile), which in ARK withholds the delivery whatever the other conditions say.
   */
  Optional<Boolean> test(JsonNode data) {
    JsonNode actual = data == null ? null : data.get(key);
    return switch (condition) {
      case "eq" -> Optional.of(jsonEquals(actual, value));
      case "ne" -> Optional.of(!jsonEquals(actual, value));
      case "gt" -> Optional.of(compare(actual, value, c -> c > 0));
      case "gte" -> Optional.of(compare(actual, value, c -> c >= 0));
      case "lt" -> Optional.of(compare(actual, value, c -> c < 0));
      case "lte" -> Optional.of(compare(actual, value, c -> c <= 0));
      case "between" -> Optional.of(between(actual));
      case "not-between" -> Optional.of(!between(actual));
      case "contains" -> contains(actual);
      case "truthy" -> truthy(actual).map(t -> t);
      case "falsy" -> truthy(actual).map(t -> !t);
      case "regexp" -> regexp(actual);
      default -> throw new IllegalStateException(condition);
    };
  }

  private boolean between(JsonNode actual) {
    JsonNode min = value == null ? null : value.get("min");
    JsonNode max = value == null ? null : value.get("max");
    return compare(actual, min, c -> c > 0) && compare(actual, max, c -> c < 0);
  }

  /** {@code JSON.stringify(a) === JSON.stringify(b)}: absent equals absent only. */
  private static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.equals(b);
  }

  private static boolean compare(
      JsonNode actual, JsonNode expected, java.util.function.IntPredicate test) {
    Optional<BigDecimal> a = number(actual);
    Optional<BigDecimal> e = number(expected);
    return a.isPresent() && e.isPresent() && test.test(a.get().compareTo(e.get()));
  }

  /** ARK's amounts travel as decimal strings: a string or a number that is a decimal number. */
  private static Optional<BigDecimal> number(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      if (text.length() > 100) {
        return Optional.empty();
      }
      try {
        return Optional.of(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<Boolean> contains(JsonNode actual) {
    if (actual == null || actual.isNull() || value == null) {
      return Optional.empty();
    }
    if (actual.isArray()) {
      for (JsonNode item : actual) {
        if (item.equals(value)) {
          return Optional.of(true);
        }
      }
      return Optional.of(false);
    }
    if (actual.isTextual()) {
      return Optional.of(actual.textValue().contains(text(value)));
    }
    return Optional.empty(); // ARK: a number or object has no includes()
  }

  /** {@code true}, or a value whose text is "true" ignoring case and spaces. */
  private static Optional<Boolean> truthy(JsonNode actual) {
    if (actual == null || actual.isNull()) {
      return Optional.empty();
    }
    return Optional.of(text(actual).trim().equalsIgnoreCase("true"));
  }

  private Optional<Boolean> regexp(JsonNode actual) {
    Optional<Pattern> pattern = pattern(value);
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    String subject = actual == null ? "undefined" : text(actual);
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT);
    }
    return Optional.of(pattern.get().matcher(subject).find());
  }

  /** A {@code regexp} value that compiles, within {@link #MAX_PATTERN} characters. */
  static Optional<Pattern> pattern(JsonNode value) {
    if (value == null || !value.isTextual() || value.textValue().length() > MAX_PATTERN) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(value.textValue()));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** JavaScript's {@code String(value)} for JSON values. */
  private static String text(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isObject()) {
      return "[object Object]";
    }
    if (node.isArray()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        JsonNode item = node.get(i);
        b.append(item.isNull() ? "" : text(item));
      }
      return b.toString();
    }
    return node.toString();
  }
}
