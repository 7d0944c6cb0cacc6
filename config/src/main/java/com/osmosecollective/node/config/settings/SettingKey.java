package com.osmosecollective.node.config.settings;

import java.util.Objects;

/**
 * One setting, declared once: its name in the settings file ({@code api.port}, nested YAML keys
 * joined by dots), its command-line flag and environment variable (either may be null when it has
 * none), how its text is read, whether its value is secret (never printed), and whether a relative
 * path written in the settings file is taken relative to the file's directory.
 */
public record SettingKey<T>(
    String name, String flag, String env, ValueParser<T> parser, boolean secret, FileText text) {

  /** How a value written in the settings file is read before parsing. */
  public enum FileText {
    /** As written. */
    PLAIN,
    /** A path: a relative one is relative to the settings file's directory. */
    PATH,
    /** A name, or a path when it holds a '/' (a network): such a path as {@link #PATH}. */
    NAME_OR_PATH
  }

  public SettingKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(text, "text");
  }

  /** A setting that may be printed, read from the settings file as written. */
  public static <T> SettingKey<T> of(String name, String flag, String env, ValueParser<T> parser) {
    return new SettingKey<>(name, flag, env, parser, false, FileText.PLAIN);
  }

  /** A path setting: relative paths in the settings file are relative to the file. */
  public static <T> SettingKey<T> path(
      String name, String flag, String env, ValueParser<T> parser) {
    return new SettingKey<>(name, flag, env, parser, false, FileText.PATH);
  }

  @Override
  public String toString() {
    return name;
  }
}
