package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.ForgingSettings;
import picocli.CommandLine.Option;

/** Whether and with which keys the node forges. */
final class ForgingOptions implements Flags.Group {
  @Option(
      names = "--forge",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description = "Forge for the delegates in --secrets. Env: OSMOSE_FORGE; file: forging.forge.")
  String forge;

  @Option(
      names = "--secrets",
      paramLabel = "<file>",
      description =
          "File of delegate secrets, one per line, readable by its owner only (chmod 600): a"
              + " BIP39 passphrase, or bip38:<6P...> for a BIP38-encrypted key. Env:"
              + " OSMOSE_SECRETS; file: forging.secrets.")
  String secrets;

  @Option(
      names = "--payouts",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description =
          "With --forge: at the end of each payout period of a forging delegate's proposal, sign"
              + " its payout (multi-payments, memo 'osmose payout <username> <from>-<to>') and"
              + " put it in the pool. Env: OSMOSE_PAYOUTS; file: forging.payouts.")
  String payouts;

  @Option(
      names = "--bip38-password-env",
      paramLabel = "<name>",
      description =
          "Environment variable holding the password of the BIP38 keys in --secrets (default"
              + " OSMOSE_BIP38_PASSWORD); when it is unset and a terminal is attached, the"
              + " password is asked without echo. File: forging.bip38PasswordEnv.")
  String bip38PasswordEnv;

  @Override
  public void addTo(Flags flags) {
    flags
        .put(ForgingSettings.FORGE, forge)
        .put(ForgingSettings.SECRETS, secrets)
        .put(ForgingSettings.BIP38_PASSWORD_ENV, bip38PasswordEnv)
        .put(ForgingSettings.PAYOUTS, payouts);
  }
}
