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
    Set<String> described = new TreeSet<>(RouteDocs.SUMMARIES.keySet());
    ObjectNode doc = F.objectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", "OSMOSE node REST API (ARK Core 3.9 compatible)")
        .put("version", version)
        .put(
            "description",
            "ARK Core 3.9's public API: same paths, parameters, JSON shapes and errors.");
    doc.putArray("servers").addObject().put("url", "/api");
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      String key = route.method() + " " + route.template();
      String summary = RouteDocs.SUMMARIES.get(key);
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
      if (route.method().equals("POST")) {
        operation.set("requestBody", body(route.template()));
      }
      ObjectNode responses = operation.putObject("responses");
      responses
          .putObject("200")
          .put("description", "ARK's answer")
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("type", "object");
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
      properties.putObject("missions").put("type", "array");
      properties.putObject("split").put("type", "array");
      properties.putObject("payoutPeriod").put("type", "object");
      properties.putObject("minimumPayout").put("type", "string").put("pattern", "^[0-9]+$");
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
