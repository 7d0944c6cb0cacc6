package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
  private static final RouteHandler NONE = r -> ApiResponse.error(ApiError.internal(), 0);

  @Test
  void templateSegmentsBindTheirNamesAndLiteralsMustBeEqual() {
    Route route = new Route("/api/blocks/{id}/transactions", NONE);

    assertThat(route.match(List.of("api", "blocks", "42", "transactions")))
        .hasValue(Map.of("id", "42"));
    assertThat(route.match(List.of("api", "blocks", "42", "votes"))).isEmpty();
    assertThat(route.match(List.of("api", "blocks", "42"))).isEmpty();
    assertThat(route.match(List.of("api", "blocks", "", "transactions")))
        .as("an empty segment is no parameter")
        .isEmpty();
  }

  @Test
  void literalRoutesMatchOnlyThemselves() {
    Route route = new Route("/api/blocks/first", NONE);

    assertThat(route.match(List.of("api", "blocks", "first"))).hasValue(Map.of());
    assertThat(route.match(List.of("api", "blocks", "last"))).isEmpty();
    assertThatThrownBy(() -> new Route("api/blocks", NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
