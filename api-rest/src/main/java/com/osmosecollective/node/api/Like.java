package com.osmosecollective.node.api;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** ARK's string wildcard filters: {@code %} matches any run of characters (SQL LIKE). */
final class Like {
  private final Pattern pattern;

  private Like(Pattern pattern) {
    this.pattern = pattern;
  }

  static Like of(String text) {
    String regex =
        Arrays.stream(text.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return new Like(Pattern.compile(regex, Pattern.DOTALL));
  }

  boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }
}
