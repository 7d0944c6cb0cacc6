package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * ARK's error body (Hapi Boom): {@code {"statusCode":404,"error":"Not Found","message":"…"}}. The
 * {@code error} text is the HTTP reason phrase Boom pairs with the status code.
 */
public record ApiError(int statusCode, String error, String message) {
  public ApiError {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
    if (statusCode < 400 || statusCode > 599) {
      throw new IllegalArgumentException("not an error status: " + statusCode);
    }
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "Bad Request", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "Forbidden", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "Not Found", message);
  }

  /** A path served, but not for this method (Hapi repeats the reason phrase). */
  public static ApiError methodNotAllowed() {
    return new ApiError(405, "Method Not Allowed", "Method Not Allowed");
  }

  /** A body over the size cap. */
  public static ApiError payloadTooLarge(String message) {
    return new ApiError(413, "Request Entity Too Large", message);
  }

  /** Validation failures: ARK answers 422 where many APIs would answer 400. */
  public static ApiError unprocessable(String message) {
    return new ApiError(422, "Unprocessable Entity", message);
  }

  /** Rate limit and overloaded queues; Boom repeats the reason phrase as the message. */
  public static ApiError tooManyRequests() {
    return new ApiError(429, "Too Many Requests", "Too Many Requests");
  }

  /** Boom hides the cause of a 500 behind a fixed message. */
  public static ApiError internal() {
    return new ApiError(500, "Internal Server Error", "An internal server error occurred");
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("statusCode", statusCode);
    o.put("error", error);
    o.put("message", message);
    return o;
  }
}
