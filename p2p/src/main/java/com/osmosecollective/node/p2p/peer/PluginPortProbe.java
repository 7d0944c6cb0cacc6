package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.message.PluginInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * ARK's plugin port probe (spec §7.6): each enabled plugin a peer announces with a port is asked
 * {@code HEAD http://<peer ip>:<port>/}; a 200 records the port in {@code peer.ports}, anything
 * else -1. The client follows no redirect and reads no body (SV-052, SV-057), with a short
 * deadline.
 */
public final class PluginPortProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient client;

  public PluginPortProbe(Executor executor) {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .executor(executor)
            .build();
  }

  /** Probes {@code peer}'s plugins and stores the result in it; completes when all answered. */
  public CompletableFuture<Map<String, Integer>> probe(Peer peer) {
    return probe(peer.key(), peer.plugins())
        .thenApply(
            ports -> {
              peer.ports(ports);
              return ports;
            });
  }

  /** The ports map of {@code plugins} announced by {@code peer}: each port, or -1. */
  public CompletableFuture<Map<String, Integer>> probe(
      PeerKey peer, Map<String, PluginInfo> plugins) {
    Map<String, CompletableFuture<Integer>> probes = new LinkedHashMap<>();
    for (Map.Entry<String, PluginInfo> plugin : plugins.entrySet()) {
      PluginInfo info = plugin.getValue();
      if (info.enabled() && info.port() > 0 && info.port() <= 65535) {
        probes.put(plugin.getKey(), probe(peer, (int) info.port()));
      }
    }
    return CompletableFuture.allOf(probes.values().toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, Integer> ports = new LinkedHashMap<>();
              probes.forEach((name, port) -> ports.put(name, port.join()));
              return ports;
            });
  }

  private CompletableFuture<Integer> probe(PeerKey peer, int port) {
    String host = peer.ipText().contains(":") ? "[" + peer.ipText() + "]" : peer.ipText();
    HttpRequest head =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(TIMEOUT)
            .build();
    return client
        .sendAsync(head, HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> error == null && response.statusCode() == 200 ? port : -1);
  }
}
