package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI 3 description of the route table, generated from it: every route's path, method, path
 * parameters, the query keys it takes ({@link QueryKeys}; a dotted family such as {@code asset.} as
 * a deep object), request bodies of the POST routes, and ARK's error body for 404, 405, 422 and
 * 429. Served at {@code /api/docs/openapi.json}.
 */
final class OpenApiDocument {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> INTEGER_KEYS =
      Set.of("page", "limit", "offset", "days", "fromHeight", "toHeight", "period");

  private OpenApiDocument() {}

  /**
   * @throws IllegalStateException when a route has no summary in {@link RouteDocs} or a summary no
   *     route
   */
  static ObjectNode of(List<Route> routes, String version) {
    return of(
        routes,
        version,
        RouteDocs.SUMMARIES,
        "OSMOSE node REST API (ARK Core 3.9 compatible)",
        "ARK Core 3.9's public API: same paths, parameters, JSON shapes and errors.");
  }

  /**
   * The document of {@code routes} described by {@code summaries} (one line per route, both ways).
   *
   * @throws IllegalStateException when a route has no summary or a summary no route
   */
  static ObjectNode of(
      List<Route> routes,
      String version,
      java.util.Map<String, String> summaries,
      String title,
      String description) {
    Set<String> described = new TreeSet<>(summaries.keySet());
    ObjectNode doc = F.objectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", title)
        .put("version", version)
        .put("description", description);
    doc.putArray("servers").addObject().put("url", "/api");
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      String key = route.method() + " " + route.template();
      String summary = summaries.get(key);
      if (summary == null) {
        throw new IllegalStateException("route " + key + " has no description in RouteDocs");
      }
      described.remove(key);
      String path = route.template().substring("/api".length());
      ObjectNode operation =
          paths
              .withObjectProperty(path)
              .putObject(route.method().toLowerCase(java.util.Locale.ROOT));
      operation.put("summary", summary);
      operation.put("operationId", operationId(route));
      ArrayNode parameters = operation.putArray("parameters");
      for (String name : route.parameters()) {
        parameters
            .addObject()
            .put("name", name)
            .put("in", "path")
            .put("required", true)
            .set("schema", F.objectNode().put("type", "string").put("maxLength", 128));
      }
      for (String name : new TreeSet<>(route.query().keys())) {
        ObjectNode schema = F.objectNode();
        if (INTEGER_KEYS.contains(name)) {
          schema.put("type", "integer").put("minimum", name.equals("offset") ? 0 : 1);
        } else if (name.equals("transform")) {
          schema.put("type", "boolean").put("default", true);
        } else {
          schema.put("type", "string");
        }
        parameters.addObject().put("name", name).put("in", "query").set("schema", schema);
      }
      for (String prefix : new TreeSet<>(route.query().prefixes())) {
        String name = prefix.substring(0, prefix.length() - 1);
        parameters
            .addObject()
            .put("name", name)
            .put("in", "query")
            .put("style", "deepObject")
            .put("explode", true)
            .put("description", "JSON containment: " + name + ".path=value")
            .set("schema", F.objectNode().put("type", "object"));
      }
      if (route.method().equals("POST") || route.method().equals("PUT")) {
        operation.set("requestBody", body(route.template()));
      }
      ObjectNode responses = operation.putObject("responses");
      String ok = okStatus(route);
      if (ok.equals("204")) {
        responses.putObject(ok).put("description", "done, no body");
      } else {
        responses
            .putObject(ok)
            .put("description", "ARK's answer")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("type", "object");
      }
      for (String status : List.of("404", "405", "422", "429")) {
        responses.putObject(status).put("$ref", "#/components/responses/Error");
      }
    }
    if (!described.isEmpty()) {
      throw new IllegalStateException("RouteDocs describes routes that do not exist: " + described);
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode error = components.putObject("schemas").putObject("Error").put("type", "object");
    error.putArray("required").add("statusCode").add("error").add("message");
    ObjectNode properties = error.putObject("properties");
    properties.putObject("statusCode").put("type", "integer");
    properties.putObject("error").put("type", "string");
    properties.putObject("message").put("type", "string");
    components
        .putObject("responses")
        .putObject("Error")
        .put("description", "ARK's error body (Hapi Boom)")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/Error");
    return doc;
  }

  /**
   * ARK's webhooks answer a registration 201 and a change or removal 204, a stored proposal is a
   * 201; the rest 200.
   */
  private static String okStatus(Route route) {
    if (route.template().equals("/api/proposals") && route.method().equals("POST")) {
      return "201"; // a stored proposal
    }
    if (!route.template().startsWith("/api/webhooks")) {
      return "200";
    }
    return switch (route.method()) {
      case "POST" -> "201";
      case "PUT", "DELETE" -> "204";
      default -> "200";
    };
  }

  private static ObjectNode body(String template) {
    ObjectNode schema = F.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (template.equals("/api/proposals")) {
      schema.put(
          "description",
          "a proposal document (funding's proposal.schema.json); its CID is computed on the bytes"
              + " as sent");
      schema
          .putArray("required")
          .add("title")
          .add("description")
          .add("missions")
          .add("split")
          .add("payoutPeriod")
          .add("minimumPayout");
      properties.putObject("title").put("type", "string");
      properties.putObject("description").put("type", "string");
      properties
          .putObject("missions")
          .put("type", "array")
          .putObject("items")
          .put("type", "object");
      properties.putObject("split").put("type", "array").putObject("items").put("type", "object");
      properties.putObject("payoutPeriod").put("type", "object");
      properties.putObject("minimumPayout").put("type", "string").put("pattern", "^[0-9]+$");
    } else if (template.startsWith("/api/webhooks")) {
      schema.putArray("required").add("event").add("target").add("conditions");
      ArrayNode events = properties.putObject("event").put("type", "string").putArray("enum");
      ChainEvent.NAMES.forEach(events::add);
      properties
          .putObject("target")
          .put("type", "string")
          .put("format", "uri")
          .put("maxLength", WebhookRegistration.MAX_TARGET_LENGTH)
          .put("description", "http or https URL the events are POSTed to");
      properties.putObject("enabled").put("type", "boolean").put("default", true);
      ObjectNode condition =
          properties
              .putObject("conditions")
              .put("type", "array")
              .put("maxItems", WebhookRegistration.MAX_CONDITIONS)
              .putObject("items")
              .put("type", "object");
      condition.putArray("required").add("key").add("condition");
      ObjectNode c = condition.putObject("properties");
      c.putObject("key").put("type", "string");
      c.putObject("value").put("description", "what the event's value is compared with");
      ArrayNode names = c.putObject("condition").put("type", "string").putArray("enum");
      WebhookCondition.NAMES.forEach(names::add);
    } else if (template.equals("/api/transactions")) {
      schema.putArray("required").add("transactions");
      properties
          .putObject("transactions")
          .put("type", "array")
          .put("minItems", 1)
          .put("maxItems", 40)
          .putObject("items")
          .put("type", "object")
          .put("description", "a signed transaction in ARK's JSON");
    } else {
      schema.putArray("required").add("ids");
      properties
          .putObject("ids")
          .put("type", "array")
          .put("minItems", 1)
          .put("maxItems", 25)
          .putObject("items")
          .put("type", "string")
          .put("pattern", "^[0-9a-f]{64}$");
    }
    ObjectNode body = F.objectNode().put("required", true);
    body.putObject("content").putObject("application/json").set("schema", schema);
    return body;
  }

  private static String operationId(Route route) {
    StringBuilder b = new StringBuilder(route.method().toLowerCase(java.util.Locale.ROOT));
    for (String part : route.template().substring("/api/".length()).split("/", -1)) {
      String word = part.replace("{", "by-").replace("}", "");
      for (String piece : word.split("-", -1)) {
        if (!piece.isEmpty()) {
          b.append(Character.toUpperCase(piece.charAt(0))).append(piece.substring(1));
        }
      }
    }
    return b.toString();
  }
}
