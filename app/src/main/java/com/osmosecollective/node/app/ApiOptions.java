package com.osmosecollective.node.app;

import java.net.InetSocketAddress;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the public REST API listens, also from the environment; off with {@code --no-api}. */
final class ApiOptions {
  @Option(
      names = "--api-host",
      paramLabel = "<host>",
      defaultValue = "${env:OSMOSE_API_HOST:-127.0.0.1}",
      description =
          "Address the REST API binds (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)."
              + " Env: OSMOSE_API_HOST.")
  String host;

  @Option(
      names = "--api-port",
      paramLabel = "<port>",
      defaultValue = "${env:OSMOSE_API_PORT:-4003}",
      description =
          "REST API port (default ${DEFAULT-VALUE}, ARK's; 0 = any free port). Env:"
              + " OSMOSE_API_PORT.")
  int port;

  @Option(
      names = "--no-api",
      defaultValue = "${env:OSMOSE_NO_API:-false}",
      description = "Do not serve the REST API. Env: OSMOSE_NO_API.")
  boolean disabled;

  Optional<InetSocketAddress> address() {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--api-port must be between 0 and 65535");
    }
    return disabled ? Optional.empty() : Optional.of(new InetSocketAddress(host, port));
  }
}
