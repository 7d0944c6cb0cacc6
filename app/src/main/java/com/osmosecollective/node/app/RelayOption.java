package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.ForgingSettings;
import picocli.CommandLine.Option;

/** {@code --relay}: the relay a forger process forges through. */
final class RelayOption implements Flags.Group {
  @Option(
      names = "--relay",
      paramLabel = "<host:port>",
      description =
          "The relay's P2P address (osmose start on this host, or one whose --remote-access"
              + " lists this host's address). Env: OSMOSE_RELAY.")
  String relay;

  @Override
  public void addTo(Flags flags) {
    flags.put(ForgingSettings.RELAY, relay);
  }
}
