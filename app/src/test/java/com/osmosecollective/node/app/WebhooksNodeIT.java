package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node as {@code osmose devnet --webhooks} runs it: the webhooks API on its own port, a
 * registration kept in the data dir across a restart, and the blocks the node forges delivered to a
 * receiver on 127.0.0.1.
 */
class WebhooksNodeIT {
  @TempDir Path dir;

  @Test
  void aForgingNodeDeliversItsBlocksAndKeepsRegistrationsAcrossARestart() throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, 3);
    DelegateKeys keys =
        DelegateKeys.fromPassphrases(
            devnet.plan().delegates().stream().map(GenesisAccount::passphrase).toList());
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext(
        "/blocks",
        exchange -> {
          received.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    HttpClient client = HttpClient.newHttpClient();
    NodeAssembly.Settings settings =
        new NodeAssembly.Settings(devnet.network(), dir, keys, Clock.systemUTC())
            .withApi(Optional.of(new InetSocketAddress("127.0.0.1", 0)))
            .withWebhooks(Optional.of(new InetSocketAddress("127.0.0.1", 0)))
            .withNewChain(true);
    String id;
    try {
      try (NodeAssembly node = NodeAssembly.openAndStart(settings)) {
        URI hooks = webhooks(node);
        HttpResponse<String> created =
            client.send(
                HttpRequest.newBuilder(hooks)
                    .header("content-type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"event\":\"block.applied\",\"target\":\"http://127.0.0.1:"
                                + receiver.getAddress().getPort()
                                + "/blocks\",\"conditions\":[]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        id = Json.mapper().readTree(created.body()).at("/data/id").asText();
        // a devnet of 3 s blocks forges within a few slots
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        JsonNode first = received.get(0);
        assertThat(first.get("event").asText()).isEqualTo("block.applied");
        assertThat(first.at("/data/height").asLong()).isPositive();
      }
      assertThat(Files.readString(dir.resolve("webhooks.json"))).contains(id);
      try (NodeAssembly node = NodeAssembly.openAndStart(settings.withNewChain(false))) {
        HttpResponse<String> listed =
            client.send(
                HttpRequest.newBuilder(webhooks(node)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.mapper().readTree(listed.body()).at("/data/0/id").asText()).isEqualTo(id);
      }
    } finally {
      receiver.stop(0);
    }
  }

  private static URI webhooks(NodeAssembly node) {
    InetSocketAddress at = node.webhooksAddress().orElseThrow();
    return URI.create("http://127.0.0.1:" + at.getPort() + "/api/webhooks");
  }
}
