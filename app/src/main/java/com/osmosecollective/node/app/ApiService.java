package com.osmosecollective.node.app;

import com.osmosecollective.node.api.ApiHttpServer;
import com.osmosecollective.node.api.ReadApi;
import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import java.net.InetSocketAddress;
import java.time.Duration;

/** The REST API server, on the store's queries. */
final class ApiService implements Service {
  private final InetSocketAddress address;
  private final Network network;
  private final StorageService storage;
  private volatile ApiHttpServer server;

  ApiService(InetSocketAddress address, Network network, StorageService storage) {
    this.address = address;
    this.network = network;
    this.storage = storage;
  }

  @Override
  public String name() {
    return "api";
  }

  @Override
  public void start() throws Exception {
    server = ApiHttpServer.start(address, new ReadApi(network, storage.store().queries()), 2);
  }

  @Override
  public void stop() {
    server.close();
  }

  @Override
  public Duration stopTimeout() {
    return Duration.ofSeconds(2);
  }

  /** Where it listens (the actual port when 0 was asked). */
  InetSocketAddress address() {
    ApiHttpServer started = server;
    if (started == null) {
      throw new IllegalStateException("the REST API is not started");
    }
    return started.address();
  }

  @Override
  public String detail() {
    ApiHttpServer started = server;
    return started == null
        ? ""
        : "http://"
            + started.address().getHostString()
            + ":"
            + started.address().getPort()
            + "/api";
  }
}
