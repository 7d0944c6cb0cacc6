package com.osmosecollective.node.config.settings;

/**
 * Turns a setting's text (from a flag, the environment or the settings file alike) into its value.
 * A refusal is an {@link IllegalArgumentException} whose message completes a sentence that starts
 * with where the text came from, e.g. {@code "must be a port between 0 and 65535, not '70000'"}.
 */
@FunctionalInterface
public interface ValueParser<T> {
  T parse(String text);
}
