package com.osmosecollective.node.api;

/** ARK's {@code transform} flag (Joi boolean, default true). */
final class Transform {
  private Transform() {}

  /**
   * @throws ApiException 422 for a value that is no boolean, or for {@code false} where this node
   *     does not serve ARK's raw database rows
   */
  static void requireTrue(ApiRequest request) throws ApiException {
    if (!value(request, true)) {
      throw new ApiException(
          ApiError.unprocessable("\"transform\" false is not supported by this node"));
    }
  }

  static boolean value(ApiRequest request, boolean dflt) throws ApiException {
    String v = request.queryValue("transform");
    if (v == null) {
      return dflt;
    }
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ApiException(ApiError.unprocessable("\"transform\" must be a boolean"));
    };
  }
}
