package com.osmosecollective.node.api;

/** One key of an {@code orderBy}: a property (dotted path) and its direction. */
record Sort(String property, boolean descending) {
  static Sort asc(String property) {
    return new Sort(property, false);
  }

  static Sort desc(String property) {
    return new Sort(property, true);
  }
}
