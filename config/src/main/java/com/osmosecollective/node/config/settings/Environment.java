package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the process gets from outside its command line: environment variables and the user's home
 * (under which the data dirs live by default). Tests give their own.
 *
 * @param variables the environment; a variable set to the empty string counts as unset (an env
 *     file's {@code OSMOSE_SECRETS=} line means "none")
 */
public record Environment(Function<String, String> variables, Path home) {
  public Environment {
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(home, "home");
  }

  /** This process's environment and {@code user.home}. */
  public static Environment system() {
    return new Environment(System::getenv, Path.of(System.getProperty("user.home")));
  }

  public static Environment of(Map<String, String> variables, Path home) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment(copy::get, home);
  }

  /** The variable's value, or null when it is unset or empty. */
  public String get(String name) {
    String value = variables.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The default data dir of a network: {@code ~/.osmose/<network>}. */
  public Path defaultDataDir(String networkName) {
    return home.resolve(".osmose").resolve(networkName);
  }
}
