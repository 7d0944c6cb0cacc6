package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /transactions/schemas}: the JSON schema properties of each core transaction type, as
 * ARK Core 3.9.1 publishes them (resource {@code transaction-schemas.json}, recorded from its
 * answer; only type group 1, the magistrate group 2 is not run here).
 */
final class TransactionSchemasHandler implements RouteHandler {
  private final ObjectNode schemas;

  TransactionSchemasHandler() {
    try (InputStream in = getClass().getResourceAsStream("transaction-schemas.json")) {
      if (in == null) {
        throw new IllegalStateException("transaction-schemas.json is missing from the jar");
      }
      this.schemas = (ObjectNode) new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    return ApiResponse.data(schemas.deepCopy(), request.tip());
  }
}
