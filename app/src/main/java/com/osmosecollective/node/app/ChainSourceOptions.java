package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.storage.StoreOpenException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the delegate tools read the chain: a running node's API ({@code --api}) or a data dir
 * (opened read-only; {@code --data-dir} as every command takes it, default ~/.osmose/<network>).
 */
final class ChainSourceOptions implements Flags.Group {
  @Option(
      names = "--api",
      paramLabel = "<url>",
      description =
          "A running node's REST API, e.g. http://127.0.0.1:4003 (instead of a data dir).")
  String api;

  @Mixin DataDirOption dataDir;

  @Override
  public void addTo(Flags flags) {
    dataDir.addTo(flags);
  }

  /** Whether a chain source was given (the API, or a data dir from any source). */
  boolean given(SettingsSources sources) {
    return api != null || sources.given(StorageSettings.DATA_DIR).isPresent();
  }

  /** The data dir the chain is read from when no API is given. */
  Path dataDir(SettingsSources sources, Network network) {
    return StorageSettings.resolve(sources, network.name()).path();
  }

  DelegateView open(Network network, SettingsSources sources)
      throws StoreOpenException, SettingsException {
    if (api != null && dataDir.dataDir != null) {
      throw new IllegalArgumentException("give either --api or --data-dir, not both");
    }
    if (api != null) {
      return new ApiDelegateView(api); // a data dir from the environment or file gives way
    }
    Path dir = dataDir(sources, network);
    sources.requireValid();
    return StoreDelegateView.open(dir, network);
  }
}
