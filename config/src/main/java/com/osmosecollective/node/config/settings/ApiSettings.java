package com.osmosecollective.node.config.settings;

import java.util.List;

/** Where the public REST API listens, or that it is off. */
public record ApiSettings(Setting<String> host, Setting<Integer> port, Setting<Boolean> disabled) {
  public static final SettingKey<String> HOST =
      SettingKey.of("api.host", "--api-host", "OSMOSE_API_HOST", Parsers::host);
  public static final SettingKey<Integer> PORT =
      SettingKey.of("api.port", "--api-port", "OSMOSE_API_PORT", Parsers.PORT);
  public static final SettingKey<Boolean> DISABLED =
      SettingKey.of("api.disabled", "--no-api", "OSMOSE_NO_API", Parsers::bool);

  /** Loopback only: the API is opened to others deliberately. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** ARK's API port. */
  public static final int DEFAULT_PORT = 4003;

  public static List<SettingKey<?>> keys() {
    return List.of(HOST, PORT, DISABLED);
  }

  public static ApiSettings resolve(SettingsSources sources) {
    return new ApiSettings(
        sources.resolve(HOST, DEFAULT_HOST, ""),
        sources.resolve(PORT, DEFAULT_PORT, "ARK's"),
        sources.resolve(DISABLED, false, ""));
  }

  public boolean enabled() {
    return !Boolean.TRUE.equals(disabled.value());
  }
}
