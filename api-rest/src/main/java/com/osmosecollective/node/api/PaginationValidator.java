package com.osmosecollective.node.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ARK's Joi rules for {@code page}, {@code offset} and {@code limit} (core-api's pagination
 * schema): integers, {@code page} positive (default 1), {@code offset} at least 0, {@code limit}
 * within 1..the configured maximum (default 100). The first broken rule, in the schema's key order,
 * is reported with Joi's message as a 422.
 */
public final class PaginationValidator {
  public static final int DEFAULT_LIMIT = 100;

  /** Joi's number conversion accepts decimal and exponent notation, with surrounding spaces. */
  private static final Pattern NUMBER =
      Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?\\s*");

  private static final BigDecimal MAX_SAFE = BigDecimal.valueOf((1L << 53) - 1);

  private final int maxLimit;

  public PaginationValidator(int maxLimit) {
    if (maxLimit < 1) {
      throw new IllegalArgumentException("maxLimit must be >= 1: " + maxLimit);
    }
    this.maxLimit = maxLimit;
  }

  /** ARK's default ({@code plugins.pagination.limit} = 100). */
  public static PaginationValidator arkDefault() {
    return new PaginationValidator(DEFAULT_LIMIT);
  }

  public Pagination validate(Map<String, String> query) throws ApiException {
    Long page = integer(query, "page");
    if (page != null && page <= 0) {
      throw invalid("\"page\" must be a positive number");
    }
    Long offset = integer(query, "offset");
    if (offset != null && offset < 0) {
      throw invalid("\"offset\" must be greater than or equal to 0");
    }
    Long limit = integer(query, "limit");
    if (limit != null && limit < 1) {
      throw invalid("\"limit\" must be greater than or equal to 1");
    }
    if (limit != null && limit > maxLimit) {
      // Joi prints the reference the maximum comes from, not its value
      throw invalid(
          "\"limit\" must be less than or equal to ref:global:configuration.plugins.pagination.limit");
    }
    long pageValue = page == null ? 1 : page;
    int limitValue = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : limit.intValue();
    long offsetValue = offset != null ? offset : (pageValue - 1) * limitValue;
    return new Pagination(pageValue, limitValue, offsetValue);
  }

  /** Joi's {@code number().integer()} on one value, or null when absent. */
  static Long integer(Map<String, String> query, String key) throws ApiException {
    String text = query.get(key);
    if (text == null) {
      return null;
    }
    if (!NUMBER.matcher(text).matches()) {
      throw invalid("\"" + key + "\" must be a number");
    }
    BigDecimal value = new BigDecimal(text.strip().replaceFirst("^\\+", ""));
    if (value.abs().compareTo(MAX_SAFE) > 0) {
      throw invalid("\"" + key + "\" must be a safe number");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw invalid("\"" + key + "\" must be an integer");
    }
    return value.longValueExact();
  }

  private static ApiException invalid(String message) {
    return new ApiException(ApiError.unprocessable(message));
  }
}
