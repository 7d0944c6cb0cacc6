package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An answer before it is written: status, JSON body and the tip height ARK reports in {@code
 * X-Block-Height}.
 */
public record ApiResponse(int status, JsonNode body, long blockHeight) {
  public ApiResponse {
    Objects.requireNonNull(body, "body");
  }

  /** ARK wraps single resources in {@code {"data": …}}. */
  public static ApiResponse data(JsonNode resource, long blockHeight) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("data", resource);
    return new ApiResponse(200, o, blockHeight);
  }

  /** ARK's paginated lists: {@code {"meta": …, "data": […]}}. */
  public static ApiResponse page(PageMeta meta, ArrayNode data, long blockHeight) {
    if (meta.count() != data.size()) {
      throw new IllegalArgumentException("meta counts " + meta.count() + " of " + data.size());
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("meta", meta.toJson());
    o.set("data", data);
    return new ApiResponse(200, o, blockHeight);
  }

  /** A resource just made: {@code 201 {"data": …}}. */
  public static ApiResponse created(JsonNode resource, long blockHeight) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("data", resource);
    return new ApiResponse(201, o, blockHeight);
  }

  /** {@code 204}: done, nothing to say (written without a body). */
  public static ApiResponse noContent(long blockHeight) {
    return new ApiResponse(
        204, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), blockHeight);
  }

  public static ApiResponse error(ApiError error, long blockHeight) {
    return new ApiResponse(error.statusCode(), error.toJson(), blockHeight);
  }
}
