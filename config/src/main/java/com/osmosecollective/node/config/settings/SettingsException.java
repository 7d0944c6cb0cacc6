package com.osmosecollective.node.config.settings;

import java.util.List;

/** Settings that cannot be used: each problem names the setting, where it came from and why. */
public final class SettingsException extends Exception {
  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public SettingsException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
