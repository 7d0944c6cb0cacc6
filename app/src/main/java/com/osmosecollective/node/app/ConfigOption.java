package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.Environment;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import picocli.CommandLine.Option;

/**
 * {@code --config <file>} (or {@code OSMOSE_CONFIG}): the YAML settings file under the flags and
 * the environment. Holds the process's {@link Environment}, given by {@link CommandLines}' factory
 * (the real one when a command is built without it).
 */
final class ConfigOption {
  private final Environment environment;

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description =
          "Settings file (YAML, e.g. api: {port: 4003}); flags and OSMOSE_* variables override"
              + " it. Env: OSMOSE_CONFIG.")
  String file;

  ConfigOption() {
    this(Environment.system());
  }

  ConfigOption(Environment environment) {
    this.environment = environment;
  }

  Environment environment() {
    return environment;
  }

  /**
   * The sources of this command's settings: the flags of {@code groups}, the environment and the
   * settings file.
   *
   * @throws SettingsException the settings file is named but cannot be used
   */
  SettingsSources sources(Flags.Group... groups) throws SettingsException {
    Flags flags = new Flags().put(SettingsSources.CONFIG, file);
    for (Flags.Group group : groups) {
      group.addTo(flags);
    }
    return SettingsSources.open(flags.texts(), environment);
  }
}
