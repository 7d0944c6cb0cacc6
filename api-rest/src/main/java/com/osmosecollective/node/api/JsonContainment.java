package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * ARK's {@code asset} and {@code attributes} filters: Postgres' JSON containment ({@code @>}) on
 * the values a query can carry, which are strings, so leaves compare as text.
 */
final class JsonContainment {
  private JsonContainment() {}

  /** {@code asset.ipfs=Qm…&asset.votes=+02…} → {@code {"ipfs":"Qm…","votes":"+02…"}}. */
  static ObjectNode fromDottedKeys(Map<String, String> query, String prefix) {
    ObjectNode root = null;
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      if (root == null) {
        root = JsonNodeFactory.instance.objectNode();
      }
      String[] path = e.getKey().substring(prefix.length()).split("\\.", -1);
      ObjectNode at = root;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode next = at.get(path[i]);
        at = next instanceof ObjectNode o ? o : at.putObject(path[i]);
      }
      at.put(path[path.length - 1], e.getValue());
    }
    return root;
  }

  /** Whether {@code actual} contains {@code wanted}. */
  static boolean contains(JsonNode actual, JsonNode wanted) {
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : wanted.properties()) {
        if (!contains(actual.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (actual.isArray()) {
      for (JsonNode element : actual) {
        if (contains(element, wanted)) {
          return true;
        }
      }
      return false;
    }
    return !actual.isContainerNode() && actual.asText().equals(wanted.asText());
  }
}
