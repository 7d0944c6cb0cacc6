package com.osmosecollective.node.config.settings;

import java.util.List;

/**
 * ARK's webhooks server (core-webhooks): off by default; when on, its routes listen on their own
 * address, loopback by default (ARK binds every interface but answers loopback clients only).
 */
public record WebhookSettings(
    Setting<Boolean> enabled, Setting<String> host, Setting<Integer> port) {
  public static final SettingKey<Boolean> ENABLED =
      SettingKey.of("api.webhooks.enabled", "--webhooks", "OSMOSE_WEBHOOKS_ENABLED", Parsers::bool);
  public static final SettingKey<String> HOST =
      SettingKey.of("api.webhooks.host", "--webhooks-host", "OSMOSE_WEBHOOKS_HOST", Parsers::host);
  public static final SettingKey<Integer> PORT =
      SettingKey.of("api.webhooks.port", "--webhooks-port", "OSMOSE_WEBHOOKS_PORT", Parsers.PORT);

  public static final String DEFAULT_HOST = "127.0.0.1";

  /** ARK's webhooks port. */
  public static final int DEFAULT_PORT = 4004;

  public static List<SettingKey<?>> keys() {
    return List.of(ENABLED, HOST, PORT);
  }

  public static WebhookSettings resolve(SettingsSources sources) {
    return new WebhookSettings(
        sources.resolve(ENABLED, false, "ARK's"),
        sources.resolve(HOST, DEFAULT_HOST, ""),
        sources.resolve(PORT, DEFAULT_PORT, "ARK's"));
  }

  public boolean on() {
    return Boolean.TRUE.equals(enabled.value());
  }
}
