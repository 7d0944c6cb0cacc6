package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.ApiSettings;
import com.osmosecollective.node.config.settings.WebhookSettings;
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

  @Option(
      names = "--webhooks",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description =
          "Serve ARK's webhooks API (register URLs the node POSTs chain events to) on its own port."
              + " Env: OSMOSE_WEBHOOKS_ENABLED; file: api.webhooks.enabled.")
  String webhooks;

  @Option(
      names = "--webhooks-host",
      paramLabel = "<host>",
      description =
          "Address the webhooks API binds (default 127.0.0.1; it answers loopback clients only)."
              + " Env: OSMOSE_WEBHOOKS_HOST; file: api.webhooks.host.")
  String webhooksHost;

  @Option(
      names = "--webhooks-port",
      paramLabel = "<port>",
      description =
          "Webhooks API port (default 4004, ARK's; 0 = any free port). Env: OSMOSE_WEBHOOKS_PORT;"
              + " file: api.webhooks.port.")
  String webhooksPort;

  @Override
  public void addTo(Flags flags) {
    flags
        .put(ApiSettings.HOST, host)
        .put(ApiSettings.PORT, port)
        .put(ApiSettings.DISABLED, disabled)
        .put(WebhookSettings.ENABLED, webhooks)
        .put(WebhookSettings.HOST, webhooksHost)
        .put(WebhookSettings.PORT, webhooksPort);
  }
}
