package com.osmosecollective.node.config.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node's settings file (YAML, {@code --config}): nested mappings whose dotted paths are the
 * settings' names, e.g. {@code api: {port: 4003}} is {@code api.port}. A list value is read as its
 * items joined by commas ({@code p2p.peers}), a mapping under a setting as {@code key=value} pairs
 * ({@code logging.levels}). An unknown or repeated key, a key without a value, a second document or
 * anything but a mapping at the top is refused with the file and line. The file is bounded before
 * it is read.
 */
public final class ConfigFile {
  /** A settings file is a few lines; larger is a mistake (or hostile). */
  static final long MAX_BYTES = 256 * 1024;

  /** Items of one list or mapping value. */
  static final int MAX_ITEMS = 1000;

  /** One value as written: its text and the line it is on. */
  public record Entry(String text, int line) {}

  private final Path path;
  private final Map<String, Entry> entries;

  private ConfigFile(Path path, Map<String, Entry> entries) {
    this.path = path;
    this.entries = Map.copyOf(entries);
  }

  /**
   * Reads {@code file}, accepting only the names of {@code known} settings.
   *
   * @throws SettingsException naming the file (and line) of what is wrong
   */
  public static ConfigFile read(Path file, Collection<SettingKey<?>> known)
      throws SettingsException {
    Set<String> names = known.stream().map(SettingKey::name).collect(Collectors.toSet());
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("settings file " + file + " does not exist");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SettingsException(
            "settings file " + file + " is larger than " + MAX_BYTES / 1024 + " KiB");
      }
      try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
        return new ConfigFile(file, new Reader(file, parser, names).read());
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
      throw new SettingsException(
          "settings file "
              + file
              + where
              + " is not valid YAML: "
              + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SettingsException(
          "settings file " + file + " cannot be read: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  public Path path() {
    return path;
  }

  public Optional<Entry> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The token walk that flattens the YAML into dotted names. */
  private static final class Reader {
    private final Path file;
    private final JsonParser parser;
    private final Set<String> names;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Reader(Path file, JsonParser parser, Set<String> names) {
      this.file = file;
      this.parser = parser;
      this.names = names;
    }

    Map<String, Entry> read() throws IOException, SettingsException {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return entries; // an empty file sets nothing
      }
      if (first != JsonToken.START_OBJECT) {
        throw refused(
            line(), "the top level must be a mapping of settings, e.g. 'network: testnet'");
      }
      readMapping("");
      if (parser.nextToken() != null) {
        throw refused(line(), "holds more than one YAML document");
      }
      return entries;
    }

    private void readMapping(String prefix) throws IOException, SettingsException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int line = line();
        String name = prefix + parser.currentName();
        JsonToken value = parser.nextToken();
        if (!names.contains(name)) {
          if (isPrefix(name + ".")) {
            if (value != JsonToken.START_OBJECT) {
              throw refused(
                  line, "'" + name + "' must be a mapping of its settings (" + name + ".*)");
            }
            readMapping(name + ".");
            continue;
          }
          throw refused(line, unknown(name));
        }
        if (entries.containsKey(name)) {
          throw refused(
              line, "'" + name + "' is set twice (first on line " + entries.get(name).line() + ")");
        }
        entries.put(name, new Entry(valueText(name, value, line), line));
      }
    }

    private String valueText(String name, JsonToken token, int line)
        throws IOException, SettingsException {
      if (token == JsonToken.VALUE_NULL) {
        throw refused(line, "'" + name + "' has no value");
      }
      if (token.isScalarValue()) {
        return parser.getText();
      }
      List<String> items = new ArrayList<>();
      if (token == JsonToken.START_ARRAY) {
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (item == null || !item.isScalarValue() || item == JsonToken.VALUE_NULL) {
            throw refused(line(), "'" + name + "' must be a list of plain values");
          }
          items.add(add(name, items, parser.getText()));
        }
        return String.join(",", items);
      }
      if (token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonToken item = parser.nextToken();
          if (!item.isScalarValue() || item == JsonToken.VALUE_NULL) {
            throw refused(line(), "'" + name + "." + key + "' must be a plain value");
          }
          items.add(add(name, items, key + "=" + parser.getText()));
        }
        return String.join(",", items);
      }
      throw refused(line, "'" + name + "' has a value of an unknown kind");
    }

    private String add(String name, List<String> items, String item) throws SettingsException {
      if (items.size() >= MAX_ITEMS) {
        throw refused(line(), "'" + name + "' has more than " + MAX_ITEMS + " items");
      }
      return item;
    }

    private boolean isPrefix(String prefix) {
      return names.stream().anyMatch(n -> n.startsWith(prefix));
    }

    private String unknown(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.contains("password") || lower.contains("passphrase")) {
        return "'"
            + name
            + "': passwords and passphrases are never read from the settings file (the BIP38"
            + " password comes from the environment or a prompt, passphrases from --secrets)";
      }
      return "unknown setting '"
          + name
          + "' (known: "
          + names.stream().sorted().collect(Collectors.joining(", "))
          + ")";
    }

    private int line() {
      return parser.currentTokenLocation().getLineNr();
    }

    private SettingsException refused(int line, String message) {
      return new SettingsException("settings file " + file + " line " + line + ": " + message);
    }
  }
}
