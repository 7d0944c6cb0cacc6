package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.ApiSettings;
import picocli.CommandLine.Option;

/** Where the public REST API listens; off with {@code --no-api}. */
final class ApiOptions implements Flags.Group {
  @Option(
      names = "--api-host",
      paramLabel = "<host>",
      description =
          "Address the REST API binds (default 127.0.0.1; 0.0.0.0 for every interface). Env:"
              + " OSMOSE_API_HOST; file: api.host.")
  String host;

  @Option(
      names = "--api-port",
      paramLabel = "<port>",
      description =
          "REST API port (default 4003, ARK's; 0 = any free port). Env: OSMOSE_API_PORT; file:"
              + " api.port.")
  String port;

  @Option(
      names = "--no-api",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description = "Do not serve the REST API. Env: OSMOSE_NO_API; file: api.disabled.")
  String disabled;

  @Override
  public void addTo(Flags flags) {
    flags
        .put(ApiSettings.HOST, host)
        .put(ApiSettings.PORT, port)
        .put(ApiSettings.DISABLED, disabled);
  }
}
