package com.osmosecollective.node.api;

/**
 * The {@code orderBy} of transaction lists this node serves from its (height, position) indexes:
 * ARK's default {@code timestamp:desc,sequence:desc} and its reverse. Other orders are refused with
 * a 422 rather than ignored.
 */
final class TransactionOrder {
  private TransactionOrder() {}

  /**
   * @return true for oldest first
   * @throws ApiException 422 for an order not served
   */
  static boolean oldestFirst(String orderBy) throws ApiException {
    if (orderBy == null || orderBy.isEmpty()) {
      return false;
    }
    Boolean asc = null;
    for (String part : orderBy.split(",", -1)) {
      String[] pv = part.split(":", -1);
      String prop = pv[0];
      String dir = pv.length > 1 ? pv[1] : "asc";
      if (pv.length > 2 || !(dir.equals("asc") || dir.equals("desc"))) {
        throw new ApiException(ApiError.unprocessable("\"orderBy\" has an invalid direction"));
      }
      if (!(prop.equals("timestamp")
          || prop.equals("sequence")
          || prop.equals("height")
          || prop.equals("blockHeight"))) {
        throw new ApiException(
            ApiError.unprocessable(
                "\"orderBy\" " + prop + " is not supported by this node (timestamp, sequence)"));
      }
      boolean thisAsc = dir.equals("asc");
      if (asc != null && asc != thisAsc) {
        throw new ApiException(
            ApiError.unprocessable("\"orderBy\" mixed directions are not supported by this node"));
      }
      asc = thisAsc;
    }
    return asc;
  }
}
