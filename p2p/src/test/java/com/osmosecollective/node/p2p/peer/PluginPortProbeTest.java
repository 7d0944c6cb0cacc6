package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.p2p.message.PluginInfo;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ARK's plugin port probe (spec §7.6) against real HTTP servers on 127.0.0.1. */
class PluginPortProbeTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private HttpServer api;
  private HttpServer redirecting;

  private static HttpServer server(int status) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/bomb");
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  @BeforeEach
  void servers() throws Exception {
    api = server(200);
    redirecting = server(303);
  }

  @AfterEach
  void stop() {
    api.stop(0);
    redirecting.stop(0);
    executor.shutdownNow();
  }

  @Test
  @DisplayName(
      "SV-052: 200 records the port; a redirect, a closed port or a disabled plugin do not")
  void probesEachEnabledPlugin() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Map<String, PluginInfo> plugins = new LinkedHashMap<>();
    plugins.put("@arkecosystem/core-api", new PluginInfo(api.getAddress().getPort(), true, true));
    plugins.put("redirects", new PluginInfo(redirecting.getAddress().getPort(), true, null));
    plugins.put("closed", new PluginInfo(closed, true, null));
    plugins.put("disabled", new PluginInfo(api.getAddress().getPort(), false, null));
    plugins.put("no-port", new PluginInfo(0, true, null));

    Map<String, Integer> ports =
        new PluginPortProbe(executor)
            .probe(new PeerKey(InetAddress.getByName("127.0.0.1"), 4002), plugins)
            .get(10, TimeUnit.SECONDS);

    assertThat(ports)
        .containsExactly(
            Map.entry("@arkecosystem/core-api", api.getAddress().getPort()),
            Map.entry("redirects", -1),
            Map.entry("closed", -1));
  }
}
