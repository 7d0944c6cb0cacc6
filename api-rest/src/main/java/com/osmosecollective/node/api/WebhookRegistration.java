package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A webhook's body as {@code POST} and {@code PUT /api/webhooks…} take it, checked as ARK's Joi
 * schema does with Joi's messages (422). Stricter than ARK where ARK's leniency only hides a
 * mistake: the event must be one this node emits, the condition one of ARK's names (ARK's schema
 * lists them but accepts any string), the target an http or https URL (SV-052: no other scheme
 * leaves the node), a {@code regexp} value a pattern that compiles; sizes are capped.
 */
record WebhookRegistration(
    String event, String target, boolean enabled, List<WebhookCondition> conditions) {
  static final int MAX_TARGET_LENGTH = 2048;
  static final int MAX_CONDITIONS = 20;
  static final int MAX_KEY_LENGTH = 128;

  private static final Set<String> KEYS = Set.of("event", "target", "enabled", "conditions");
  private static final Set<String> CONDITION_KEYS = Set.of("key", "value", "condition");

  /**
   * @param enabledRequired {@code PUT} requires {@code enabled}; {@code POST} defaults it to true
   * @throws ApiException 422 in ARK's shape with Joi's message for the first problem
   */
  static WebhookRegistration parse(JsonNode body, boolean enabledRequired) throws ApiException {
    if (body == null || !body.isObject()) {
      throw invalid("\"value\" must be of type object");
    }
    String event = requiredString(body, "event");
    if (!ChainEvent.NAMES.contains(event)) {
      throw invalid("\"event\" must be one of [" + String.join(", ", ChainEvent.NAMES) + "]");
    }
    String target = requiredString(body, "target");
    checkTarget(target);
    boolean enabled = true;
    JsonNode enabledNode = body.get("enabled");
    if (enabledNode == null) {
      if (enabledRequired) {
        throw invalid("\"enabled\" is required");
      }
    } else if (!enabledNode.isBoolean()) {
      throw invalid("\"enabled\" must be a boolean");
    } else {
      enabled = enabledNode.booleanValue();
    }
    JsonNode list = body.get("conditions");
    if (list == null) {
      throw invalid("\"conditions\" is required");
    }
    if (!list.isArray()) {
      throw invalid("\"conditions\" must be an array");
    }
    if (list.size() > MAX_CONDITIONS) {
      throw invalid(
          "\"conditions\" must contain less than or equal to " + MAX_CONDITIONS + " items");
    }
    List<WebhookCondition> conditions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      conditions.add(condition(list.get(i), "conditions[" + i + "]"));
    }
    unknownKeys(body, KEYS, "");
    return new WebhookRegistration(event, target, enabled, conditions);
  }

  private static WebhookCondition condition(JsonNode item, String label) throws ApiException {
    if (!item.isObject()) {
      throw invalid("\"" + label + "\" must be of type object");
    }
    String key = requiredString(item, "key", label + ".key");
    if (key.length() > MAX_KEY_LENGTH) {
      throw invalid(
          "\""
              + label
              + ".key\" length must be less than or equal to "
              + MAX_KEY_LENGTH
              + " characters long");
    }
    JsonNode value = item.get("value");
    String condition = requiredString(item, "condition", label + ".condition");
    if (!WebhookCondition.NAMES.contains(condition)) {
      throw invalid(
          "\""
              + label
              + ".condition\" must be one of ["
              + String.join(", ", WebhookCondition.NAMES)
              + "]");
    }
    if (condition.equals("regexp") && WebhookCondition.pattern(value).isEmpty()) {
      throw invalid(
          "\""
              + label
              + ".value\" must be a regular expression of at most "
              + WebhookCondition.MAX_PATTERN
              + " characters");
    }
    unknownKeys(item, CONDITION_KEYS, label + ".");
    return new WebhookCondition(key, value, condition);
  }

  /** Joi's scheme rule: {@code uri({scheme: ['http', 'https']})}, plus a host and a length cap. */
  private static void checkTarget(String target) throws ApiException {
    if (target.length() > MAX_TARGET_LENGTH) {
      throw invalid(
          "\"target\" length must be less than or equal to "
              + MAX_TARGET_LENGTH
              + " characters long");
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw invalid("\"target\" must be a valid uri");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid("\"target\" must be a valid uri with a scheme matching the http|https pattern");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw invalid("\"target\" must be a valid uri");
    }
  }

  private static String requiredString(JsonNode o, String name) throws ApiException {
    return requiredString(o, name, name);
  }

  private static String requiredString(JsonNode o, String name, String label) throws ApiException {
    JsonNode node = o.get(name);
    if (node == null) {
      throw invalid("\"" + label + "\" is required");
    }
    if (!node.isTextual()) {
      throw invalid("\"" + label + "\" must be a string");
    }
    if (node.textValue().isEmpty()) {
      throw invalid("\"" + label + "\" is not allowed to be empty");
    }
    return node.textValue();
  }

  private static void unknownKeys(JsonNode o, Set<String> known, String prefix)
      throws ApiException {
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid("\"" + prefix + bounded(name) + "\" is not allowed");
      }
    }
  }

  private static String bounded(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ApiError.unprocessable(message));
  }
}
