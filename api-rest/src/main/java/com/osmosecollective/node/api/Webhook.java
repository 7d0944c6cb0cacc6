package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered webhook, as ARK's core-webhooks keeps it.
 *
 * @param id a random UUID
 * @param token 64 hex characters, shown once in the registration's answer: its first 32 are sent in
 *     {@code Authorization} (ARK's check), the whole token keys the HMAC signature, so the key
 *     never travels whole in a delivery
 * @param conditions any one satisfied lets an event through (ARK's rule); none = every event
 */
record Webhook(
    String id,
    String event,
    String target,
    String token,
    boolean enabled,
    List<WebhookCondition> conditions) {
  Webhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(token, "token");
    conditions = List.copyOf(conditions);
  }

  /** What ARK sends in {@code Authorization}: the part of the token it stores. */
  String authorization() {
    return token.substring(0, Math.min(32, token.length()));
  }

  /** ARK's resource: id, event, target, token (only when asked), enabled, conditions. */
  ObjectNode toJson(boolean withToken) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id);
    o.put("event", event);
    o.put("target", target);
    if (withToken) {
      o.put("token", token);
    }
    o.put("enabled", enabled);
    ArrayNode list = o.putArray("conditions");
    conditions.forEach(c -> list.add(c.toJson()));
    return o;
  }

  /**
   * Whether an event's data passes: no conditions, or one satisfied; a condition ARK's comparison
   * would throw on withholds the event (as in ARK, where the exception ends the check).
   */
  boolean accepts(JsonNode data) {
    if (conditions.isEmpty()) {
      return true;
    }
    for (WebhookCondition c : conditions) {
      Optional<Boolean> result = c.test(data);
      if (result.isEmpty()) {
        return false;
      }
      if (result.get()) {
        return true;
      }
    }
    return false;
  }

  Webhook with(WebhookRegistration change) {
    return new Webhook(
        id, change.event(), change.target(), token, change.enabled(), change.conditions());
  }
}
