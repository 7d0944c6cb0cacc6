package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaginationValidatorTest {
  private final PaginationValidator validator = PaginationValidator.arkDefault();

  @Test
  void defaultsArePageOneOfOneHundred() throws Exception {
    assertThat(validator.validate(Map.of())).isEqualTo(new Pagination(1, 100, 0));
  }

  @Test
  void pageSetsTheOffsetAndAnExplicitOffsetWins() throws Exception {
    assertThat(validator.validate(Map.of("page", "3", "limit", "20")))
        .isEqualTo(new Pagination(3, 20, 40));
    assertThat(validator.validate(Map.of("page", "3", "limit", "20", "offset", "5")))
        .isEqualTo(new Pagination(3, 20, 5));
  }

  @Test
  void joiConvertsNumbersWrittenOtherwise() throws Exception {
    assertThat(validator.validate(Map.of("limit", "2.0", "page", "1e1")))
        .isEqualTo(new Pagination(10, 2, 18));
  }

  @Test
  void limitAboveTheMaximumIsArksRecordedError() {
    ApiError error = error(Map.of("limit", "1000"));

    assertSameTree(error.toJson(), ArkSamples.load("err_blocks_limit_too_big.json"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page|0|\"page\" must be a positive number",
        "page|-1|\"page\" must be a positive number",
        "page|x|\"page\" must be a number",
        "page|1.5|\"page\" must be an integer",
        "page|9007199254740992|\"page\" must be a safe number",
        "limit|0|\"limit\" must be greater than or equal to 1",
        "limit|ten|\"limit\" must be a number",
        "limit|''|\"limit\" must be a number",
        "offset|-1|\"offset\" must be greater than or equal to 0",
        "offset|0.5|\"offset\" must be an integer"
      })
  void brokenRulesAre422WithJoisMessage(String key, String value, String message) {
    ApiError error = error(Map.of(key, value));

    assertThat(error.statusCode()).isEqualTo(422);
    assertThat(error.message()).isEqualTo(message);
  }

  @Test
  void theFirstBrokenRuleInSchemaOrderIsReported() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", "0");
    query.put("page", "0");

    assertThat(error(query).message()).isEqualTo("\"page\" must be a positive number");
  }

  @Test
  void aSmallerConfiguredMaximumAppliesToTheDefaultToo() throws Exception {
    assertThat(new PaginationValidator(25).validate(Map.of()).limit()).isEqualTo(25);
    assertThat(
            catchThrowableOfType(
                    ApiException.class,
                    () -> new PaginationValidator(25).validate(Map.of("limit", "26")))
                .error()
                .statusCode())
        .isEqualTo(422);
  }

  @Property(tries = 300)
  void anyTextIsEitherAValidPageOrA422(@ForAll String page, @ForAll String limit) {
    try {
      Pagination p = validator.validate(Map.of("page", page, "limit", limit));
      assertThat(p.limit()).isBetween(1, 100);
      assertThat(p.offset()).isEqualTo((p.page() - 1) * p.limit());
    } catch (ApiException e) {
      assertThat(e.error().statusCode()).isEqualTo(422);
    }
  }

  private ApiError error(Map<String, String> query) {
    return catchThrowableOfType(ApiException.class, () -> validator.validate(query)).error();
  }
}
