package com.osmosecollective.node.config.settings;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import java.util.List;
import java.util.Optional;

/**
 * Which network the node runs: a shipped network's name or a network file.
 *
 * @param definition the loaded network; empty only when the choice was refused (a problem is then
 *     recorded in the sources)
 */
public record NetworkSettings(Setting<String> choice, Optional<Network> definition) {
  public static final SettingKey<String> NETWORK =
      new SettingKey<>(
          "network",
          "--network",
          "OSMOSE_NETWORK",
          NetworkSettings::nameOrPath,
          false,
          SettingKey.FileText.NAME_OR_PATH);

  /** The network of a command that names none. */
  public static final String DEFAULT = "mainnet";

  public static List<SettingKey<?>> keys() {
    return List.of(NETWORK);
  }

  private static String nameOrPath(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "must name a network ("
              + String.join(", ", NetworkLoader.SHIPPED)
              + ") or a network file, not an empty text");
    }
    return text.strip();
  }

  /** The network given (flag, environment, file), else {@code fallback}; loaded. */
  public static NetworkSettings resolve(SettingsSources sources, String fallback) {
    return load(sources, sources.resolve(NETWORK, fallback, ""));
  }

  /** Loads the chosen network; a network that cannot be loaded is a problem naming its source. */
  public static NetworkSettings load(SettingsSources sources, Setting<String> choice) {
    if (!choice.valid()) {
      return new NetworkSettings(choice, Optional.empty());
    }
    try {
      return new NetworkSettings(choice, Optional.of(new NetworkLoader().load(choice.value())));
    } catch (NetworkConfigException e) {
      sources.problem(choice.where() + ": " + e.getMessage());
      return new NetworkSettings(choice, Optional.empty());
    }
  }

  /** The loaded network (only once the settings are valid). */
  public Network network() {
    return definition.orElseThrow(
        () -> new IllegalStateException("network " + choice.value() + " was not loaded"));
  }

  /** The network's name, or the text it was given by when it could not be loaded. */
  public String name() {
    return definition.map(Network::name).orElse(String.valueOf(choice.value()));
  }
}
