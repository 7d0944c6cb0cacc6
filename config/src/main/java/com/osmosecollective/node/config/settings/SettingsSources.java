package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers a setting's value is taken from, highest first: the command line's flags, the
 * environment ({@code OSMOSE_*}), the settings file, the default. A value that cannot be read is
 * recorded as a problem naming where it came from (the default stands in for it), so that {@code
 * config check} can list every problem at once; commands call {@link #requireValid()} before using
 * any value.
 */
public final class SettingsSources {
  /** The settings file itself: a flag or the environment only (a file cannot name another). */
  public static final SettingKey<Path> CONFIG =
      SettingKey.of("config", "--config", "OSMOSE_CONFIG", Parsers::path);

  private final Map<String, String> flags;
  private final Environment environment;
  private final Optional<ConfigFile> file;
  private final List<String> problems = new ArrayList<>();
  private Optional<Setting<Path>> config = Optional.empty();

  /**
   * @param flags the texts given on the command line, by setting name ({@link SettingKey#name()});
   *     a boolean flag given without a value is {@code "true"}
   */
  public SettingsSources(
      Map<String, String> flags, Environment environment, Optional<ConfigFile> file) {
    this.flags = Map.copyOf(flags);
    this.environment = environment;
    this.file = file;
  }

  /**
   * The sources of a command: its flags, the environment, and the settings file that {@code
   * --config} or {@code OSMOSE_CONFIG} names (none otherwise).
   *
   * @throws SettingsException the settings file is named but missing, unreadable or invalid
   */
  public static SettingsSources open(Map<String, String> flags, Environment environment)
      throws SettingsException {
    SettingsSources withoutFile = new SettingsSources(flags, environment, Optional.empty());
    Optional<Setting<Path>> config = withoutFile.given(CONFIG);
    withoutFile.requireValid();
    if (config.isEmpty()) {
      return withoutFile;
    }
    return new SettingsSources(
        flags,
        environment,
        Optional.of(ConfigFile.read(config.get().value(), NodeSettings.allKeys())),
        config);
  }

  private SettingsSources(
      Map<String, String> flags,
      Environment environment,
      Optional<ConfigFile> file,
      Optional<Setting<Path>> config) {
    this(flags, environment, file);
    this.config = config;
  }

  /** Which settings file was read, and from which flag or variable; empty for none. */
  public Optional<Setting<Path>> config() {
    return config;
  }

  public Environment environment() {
    return environment;
  }

  public Optional<ConfigFile> file() {
    return file;
  }

  /**
   * The setting from the first layer that has it, else {@code defaultValue}.
   *
   * @param defaultOrigin what the default is derived from, shown beside it ("" for a constant)
   */
  public <T> Setting<T> resolve(SettingKey<T> key, T defaultValue, String defaultOrigin) {
    return given(key).orElseGet(() -> Setting.of(key, defaultValue, Source.DEFAULT, defaultOrigin));
  }

  /** The setting when a flag, the environment or the settings file gives it. */
  public <T> Optional<Setting<T>> given(SettingKey<T> key) {
    String flag = flags.get(key.name());
    if (flag != null) {
      return Optional.of(parse(key, flag, Source.FLAG, key.flag()));
    }
    String env = key.env() == null ? null : environment.get(key.env());
    if (env != null) {
      return Optional.of(parse(key, env, Source.ENV, key.env()));
    }
    if (file.isPresent()) {
      Optional<ConfigFile.Entry> entry = file.get().get(key.name());
      if (entry.isPresent()) {
        ConfigFile.Entry e = entry.get();
        return Optional.of(
            parse(
                key,
                relativeToFile(key, e.text(), file.get().path()),
                Source.FILE,
                file.get().path() + " line " + e.line()));
      }
    }
    return Optional.empty();
  }

  private static String relativeToFile(SettingKey<?> key, String text, Path configFile) {
    boolean path =
        key.text() == SettingKey.FileText.PATH
            || (key.text() == SettingKey.FileText.NAME_OR_PATH && text.contains("/"));
    if (!path || text.isBlank() || Path.of(text).isAbsolute()) {
      return text;
    }
    Path dir = configFile.toAbsolutePath().getParent();
    return dir.resolve(text).normalize().toString();
  }

  private <T> Setting<T> parse(SettingKey<T> key, String text, Source source, String origin) {
    try {
      return Setting.of(key, key.parser().parse(text), source, origin);
    } catch (IllegalArgumentException e) {
      String problem = Setting.of(key, null, source, origin).where() + " " + e.getMessage();
      problems.add(problem);
      return new Setting<>(key, null, source, origin, Optional.of(problem));
    }
  }

  /** Records a problem found beyond a value's text (e.g. a combination of settings). */
  public void problem(String problem) {
    problems.add(problem);
  }

  /** Every problem so far, in the order met. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Refuses the settings when any problem was met: the exception lists every one. */
  public void requireValid() throws SettingsException {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }
}
