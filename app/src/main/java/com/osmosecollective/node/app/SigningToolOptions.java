package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.PrivateKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the delegate tools that sign transactions ({@code delegate proposal}, {@code
 * delegate payout}): the settings file, the network, the secrets file holding the delegate's key
 * and its BIP38 password.
 */
final class SigningToolOptions {
  @Mixin ConfigOption config;

  @Mixin NetworkOption network;

  @Option(
      names = "--secrets",
      paramLabel = "<file>",
      description = "Secrets file holding the delegate's key (as the forger reads it).")
  Path secrets;

  @Mixin KeysCommand.PasswordOptions password;

  /** The settings of these flags and of {@code chainSource}'s. */
  SettingsSources sources(Flags.Group chainSource) throws SettingsException {
    return config.sources(network, chainSource);
  }

  /** The chosen network, once every setting of {@code sources} is known to be valid. */
  static Network network(SettingsSources sources) throws SettingsException {
    NetworkSettings chosen = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
    sources.requireValid();
    return chosen.network();
  }

  /**
   * The key of the secrets file whose public key or address is {@code wanted} (null: its only key),
   * or empty once why not is printed to {@code err}.
   */
  Optional<PrivateKey> key(String wanted, int pubKeyHash, PrintWriter err) {
    try {
      return Optional.of(SigningKey.load(secrets, password, wanted, pubKeyHash));
    } catch (SecretsFile.SecretsException e) {
      err.println("error: " + e.getMessage());
      return Optional.empty();
    }
  }
}
