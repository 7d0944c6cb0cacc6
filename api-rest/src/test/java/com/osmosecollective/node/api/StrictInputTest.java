package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #10: path and query parameters take ASCII digits only; Arabic-Indic ({@code U+0660..0669})
 * or full-width ({@code U+FF10..FF19}) digits are not another spelling of a height, an id or a
 * page.
 */
class StrictInputTest {
  @Test
  void blockHeightsAndIdsTakeOnlyAsciiDigits() throws Exception {
    BlockLookup.checkShape("12");
    BlockLookup.checkShape("ab".repeat(32));
    for (String bad :
        new String[] {"\u0661\u0662", "\uff11\uff12", "+12", " 12", "\u0661" + "b".repeat(63)}) {
      ApiException e = catchThrowableOfType(() -> BlockLookup.checkShape(bad), ApiException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.error().statusCode()).isEqualTo(422);
    }
  }

  @Test
  void paginationTakesOnlyAsciiDigits() throws Exception {
    PaginationValidator validator = PaginationValidator.arkDefault();
    assertThat(validator.validate(Map.of("page", "2")).page()).isEqualTo(2);
    for (String bad : new String[] {"\u0662", "\uff12", "\u0968"}) {
      ApiException e =
          catchThrowableOfType(() -> validator.validate(Map.of("page", bad)), ApiException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.error().message()).isEqualTo("\"page\" must be a number");
    }
  }
}
