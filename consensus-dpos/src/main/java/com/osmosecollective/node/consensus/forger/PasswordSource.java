package com.osmosecollective.node.consensus.forger;

import java.io.Console;
import java.util.Optional;
import java.util.function.Function;

/** Where the BIP38 password of a forger's encrypted keys comes from; asked at most once. */
@FunctionalInterface
public interface PasswordSource {
  /** The default environment variable holding the BIP38 password. */
  String DEFAULT_ENV = "OSMOSE_BIP38_PASSWORD";

  /** The password, or empty when this source has none. The caller wipes the array after use. */
  Optional<char[]> password();

  /** Neither environment nor console: always empty. */
  PasswordSource NONE = Optional::empty;

  /** The value of environment variable {@code name} (an empty value counts as absent). */
  static PasswordSource environment(String name, Function<String, String> getenv) {
    return () -> {
      String value = getenv.apply(name);
      return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
    };
  }

  /** A prompt without echo on the attached console; empty when there is no console. */
  static PasswordSource prompt(Console console, String question) {
    if (console == null) {
      return NONE;
    }
    return () -> {
      char[] typed = console.readPassword("%s", question);
      return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    };
  }

  /** This source, else {@code next}. */
  default PasswordSource orElse(PasswordSource next) {
    return () -> {
      Optional<char[]> mine = password();
      return mine.isPresent() ? mine : next.password();
    };
  }
}
