package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * ARK's in-memory sort (core-kernel's pagination service) on rendered resources: each key is a
 * dotted path; a missing or null value sorts last whatever the direction; strings compare by UTF-16
 * code units, numbers and ARK's big numbers (amounts rendered as strings) numerically, booleans
 * false first. Values of different kinds (ARK fails the request there) sort by kind.
 */
final class ResourceOrder {
  private ResourceOrder() {}

  /**
   * @param bigNumberPaths the paths whose values ARK holds as big numbers (rendered as strings)
   */
  static Comparator<JsonNode> of(List<Sort> sorts, Set<String> bigNumberPaths) {
    return (a, b) -> {
      for (Sort sort : sorts) {
        JsonNode va = at(a, sort.property());
        JsonNode vb = at(b, sort.property());
        boolean absentA = va == null || va.isNull() || va.isMissingNode();
        boolean absentB = vb == null || vb.isNull() || vb.isMissingNode();
        if (absentA || absentB) {
          if (absentA && absentB) {
            continue;
          }
          return absentA ? 1 : -1;
        }
        int c = compareValues(va, vb, bigNumberPaths.contains(sort.property()));
        if (c != 0) {
          return sort.descending() ? -c : c;
        }
      }
      return 0;
    };
  }

  static JsonNode at(JsonNode resource, String path) {
    JsonNode at = resource;
    for (String part : path.split("\\.", -1)) {
      if (at == null || !at.isObject()) {
        return null;
      }
      at = at.get(part);
    }
    return at;
  }

  private static int compareValues(JsonNode a, JsonNode b, boolean bigNumber) {
    if (bigNumber && a.isValueNode() && b.isValueNode()) {
      BigInteger x = integer(a);
      BigInteger y = integer(b);
      if (x != null && y != null) {
        return x.compareTo(y);
      }
    }
    int kind = Integer.compare(kind(a), kind(b));
    if (kind != 0) {
      return kind;
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
    return a.toString().compareTo(b.toString());
  }

  private static BigInteger integer(JsonNode v) {
    try {
      return new BigInteger(v.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int kind(JsonNode v) {
    if (v.isBoolean()) {
      return 0;
    }
    if (v.isNumber()) {
      return 1;
    }
    if (v.isTextual()) {
      return 2;
    }
    return 3;
  }
}
