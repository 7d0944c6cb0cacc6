package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether the node forges, with which secrets file, and which environment variable holds the BIP38
 * password of its encrypted keys. The password itself is never a setting: it comes from that
 * variable or a prompt, and is never printed.
 */
public record ForgingSettings(
    Setting<Boolean> forge,
    Setting<Optional<Path>> secrets,
    Setting<String> bip38PasswordEnv,
    Setting<Boolean> payouts) {
  public static final SettingKey<Boolean> FORGE =
      SettingKey.of("forging.forge", "--forge", "OSMOSE_FORGE", Parsers::bool);
  public static final SettingKey<Optional<Path>> SECRETS =
      SettingKey.path(
          "forging.secrets",
          "--secrets",
          "OSMOSE_SECRETS",
          text -> Optional.of(Parsers.path(text)));

  /**
   * Whether the forger also pays its delegates' voters and named recipients at the end of each
   * payout period of their proposals (issue #14). Only meaningful with {@link #FORGE}.
   */
  public static final SettingKey<Boolean> PAYOUTS =
      SettingKey.of("forging.payouts", "--payouts", "OSMOSE_PAYOUTS", Parsers::bool);

  public static final SettingKey<String> BIP38_PASSWORD_ENV =
      SettingKey.of(
          "forging.bip38PasswordEnv", "--bip38-password-env", null, Parsers::variableName);

  /**
   * The relay a forger process ({@code osmose forger}) forges through: flag and variable only, as
   * the node commands have no use for it (a settings file shared with {@code start} may not hold
   * it).
   */
  public static final SettingKey<PeerAddress> RELAY =
      SettingKey.of("forging.relay", "--relay", "OSMOSE_RELAY", Parsers::hostPort);

  /** Where the BIP38 password is read from unless another variable is named. */
  public static final String DEFAULT_PASSWORD_ENV = "OSMOSE_BIP38_PASSWORD";

  public static List<SettingKey<?>> keys() {
    return List.of(FORGE, SECRETS, BIP38_PASSWORD_ENV, PAYOUTS);
  }

  public static ForgingSettings resolve(SettingsSources sources) {
    ForgingSettings settings =
        new ForgingSettings(
            sources.resolve(FORGE, false, ""),
            sources.resolve(SECRETS, Optional.empty(), ""),
            sources.resolve(BIP38_PASSWORD_ENV, DEFAULT_PASSWORD_ENV, ""),
            sources.resolve(PAYOUTS, false, ""));
    if (settings.forges() && settings.secrets().valid() && settings.secrets().value().isEmpty()) {
      sources.problem("--forge needs --secrets <file> (or OSMOSE_SECRETS, or forging.secrets)");
    }
    if (settings.pays() && settings.forge().valid() && !settings.forges()) {
      sources.problem(
          settings.payouts().where()
              + " asks for automatic payouts, which need --forge (the delegates' keys sign them)");
    }
    return settings;
  }

  /** Whether automatic payouts are asked for (they run only with {@link #forges()}). */
  public boolean pays() {
    return Boolean.TRUE.equals(payouts.value());
  }

  public boolean forges() {
    return Boolean.TRUE.equals(forge.value());
  }

  /** Whether the password variable is set (its value is not looked at beyond that). */
  public boolean passwordGiven(Environment environment) {
    return bip38PasswordEnv.valid() && environment.get(bip38PasswordEnv.value()) != null;
  }
}
