package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.RoundDelegate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /rounds/{id}/delegates}: the round's active delegates as stored (rank order) with the
 * vote balance they were ranked by.
 */
final class RoundDelegatesHandler implements RouteHandler {
  private final ChainQueries queries;

  RoundDelegatesHandler(ChainQueries queries) {
    this.queries = queries;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    // ARK's params schema: id = Joi.number().integer().min(1)
    Long round = PaginationValidator.integer(Map.of("id", request.param("id")), "id");
    if (round < 1) {
      throw new ApiException(ApiError.unprocessable("\"id\" must be greater than or equal to 1"));
    }
    List<RoundDelegate> delegates =
        queries
            .round(round)
            .filter(list -> !list.isEmpty())
            .orElseThrow(() -> new ApiException(ApiError.notFound("Round not found")));
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (RoundDelegate d : delegates) {
      data.addObject().put("publicKey", d.publicKey()).put("votes", Long.toString(d.voteBalance()));
    }
    return ApiResponse.data(data, request.tip());
  }
}
