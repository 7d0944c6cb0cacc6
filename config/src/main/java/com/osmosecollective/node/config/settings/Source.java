package com.osmosecollective.node.config.settings;

import java.util.Locale;

/** Where a setting's value came from, highest precedence first. */
public enum Source {
  /** The command line. */
  FLAG,
  /** An {@code OSMOSE_*} environment variable. */
  ENV,
  /** The YAML settings file ({@code --config}). */
  FILE,
  /** The built-in default, possibly the network's. */
  DEFAULT;

  /** {@code flag}, {@code env}, {@code file} or {@code default}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
