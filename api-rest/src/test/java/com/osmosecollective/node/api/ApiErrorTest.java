package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void notFoundMatchesArk() {
    assertSameTree(
        ApiError.notFound("Wallet not found").toJson(), ArkSamples.load("err_wallets_bad.json"));
    assertSameTree(
        ApiError.notFound("Transaction not found").toJson(),
        ArkSamples.load("err_transactions_notfound.json"));
  }

  @Test
  void validationFailuresAre422AsInArk() {
    JsonNode expected = ArkSamples.load("err_post_transactions_not_json.json");
    assertSameTree(
        ApiError.unprocessable("Invalid request payload JSON format").toJson(), expected);
    assertSameTree(
        ApiError.unprocessable("\"id\" does not match any of the allowed types").toJson(),
        ArkSamples.load("err_blocks_notfound.json"));
  }

  @Test
  void rateLimitMatchesArk() {
    assertSameTree(
        ApiError.tooManyRequests().toJson(), ArkSamples.load("err_rate_limited_429.json"));
  }

  @Test
  void badRequestAndInternalUseBoomsPhrases() {
    assertThat(ApiError.badRequest("x").toJson().toString())
        .isEqualTo("{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"x\"}");
    assertThat(ApiError.internal().toJson().toString())
        .isEqualTo(
            "{\"statusCode\":500,\"error\":\"Internal Server Error\","
                + "\"message\":\"An internal server error occurred\"}");
  }

  @Test
  void onlyErrorStatusesAreAccepted() {
    assertThatThrownBy(() -> new ApiError(200, "OK", "fine"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
