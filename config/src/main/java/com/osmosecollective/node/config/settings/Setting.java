package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A setting's effective value and where it came from.
 *
 * @param origin the flag, the environment variable, {@code "<file> line N"}, or what the default is
 *     derived from (e.g. {@code "~/.osmose/<network>"})
 * @param problem why the text given for it was refused; the value is then null (a command refuses
 *     to run with any problem, {@code config check} lists them)
 */
public record Setting<T>(
    SettingKey<T> key, T value, Source source, String origin, Optional<String> problem) {
  static final String MASK = "********";

  public static <T> Setting<T> of(SettingKey<T> key, T value, Source source, String origin) {
    return new Setting<>(key, value, source, origin, Optional.empty());
  }

  public boolean valid() {
    return problem.isEmpty();
  }

  /** The value as printed: secrets masked, lists joined by commas, "(none)" for no value. */
  public String shown() {
    if (key.secret()) {
      return MASK;
    }
    return format(value);
  }

  /** Where it came from, e.g. {@code "env OSMOSE_API_PORT"} or {@code "default"}. */
  public String describeSource() {
    return origin.isEmpty() ? source.label() : source.label() + " " + origin;
  }

  /**
   * Where the value came from, to start a message with: the flag, the variable, {@code "api.port
   * (<file> line 4)"}, or the setting's name for a default.
   */
  public String where() {
    return switch (source) {
      case FLAG, ENV -> origin;
      case FILE -> key.name() + " (" + origin + ")";
      case DEFAULT -> key.name();
    };
  }

  static String format(Object value) {
    if (value == null) {
      return "(none)";
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Setting::format).orElse("(none)");
    }
    if (value instanceof Collection<?> list) {
      return list.isEmpty()
          ? "(none)"
          : list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty()
          ? "(none)"
          : map.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(","));
    }
    if (value instanceof Path path) {
      return path.toString();
    }
    return String.valueOf(value);
  }
}
