package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionType;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARK's webhooks against a live devnet chain: registrations on their own server, signed deliveries
 * of the chain's events to a real HTTP receiver on 127.0.0.1, retries with backoff, ARK's 422s and
 * 404s, registrations kept across a restart. SV-052/SV-057: the sender follows no redirect and
 * reads no answer body.
 */
class WebhooksIT {
  @TempDir Path dir;
  private LiveChain chain;
  private RestApi api;
  private ApiServices services;
  private Webhooks webhooks;
  private ApiHttpServer server;
  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();

  /** One request the receiver got. */
  private record Received(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    JsonNode json() throws Exception {
      return Http.JSON.readTree(body);
    }
  }

  @BeforeEach
  void start() throws Exception {
    chain = new LiveChain(dir.resolve("chain"));
    services = chain.services();
    api = new RestApi(services);
    chain.chain.addListener(api.events());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    openWebhooks();
  }

  private void openWebhooks() throws Exception {
    openWebhooks(
        new WebhookDeliverySettings(Duration.ofSeconds(2), 4, Duration.ofMillis(100), 1000, 2));
  }

  private void openWebhooks(WebhookDeliverySettings settings) throws Exception {
    webhooks = Webhooks.open(dir, settings, new SimpleMeterRegistry());
    webhooks.deliverFrom(api.events());
    server =
        webhooks.serve(
            new InetSocketAddress("127.0.0.1", 0), ApiServerSettings.webhooks(), services);
  }

  private void closeWebhooks() {
    server.close();
    webhooks.close();
  }

  @AfterEach
  void stop() {
    closeWebhooks();
    receiver.stop(0);
    chain.close();
  }

  private String target() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode register(String event, String conditions) throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/webhooks",
            "{\"event\":\""
                + event
                + "\",\"target\":\""
                + target()
                + "\",\"conditions\":"
                + conditions
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Http.JSON.readTree(r.body()).get("data");
  }

  @Test
  void appliedBlocksAreDeliveredSignedWithArksBodyAndAuthorization() throws Exception {
    JsonNode hook = register("block.applied", "[]");
    String token = hook.get("token").asText();
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(hook.get("enabled").asBoolean()).isTrue();
    assertThat(List.copyOf(iterable(hook.fieldNames())))
        .containsExactly("id", "event", "target", "token", "enabled", "conditions");

    chain.forge();
    long height = chain.height();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().anyMatch(r -> heightOf(r) == height));
    Received delivery = received.stream().filter(r -> heightOf(r) == height).findFirst().get();
    JsonNode body = delivery.json();
    assertThat(List.copyOf(iterable(body.fieldNames())))
        .containsExactly("timestamp", "data", "event");
    assertThat(body.get("event").asText()).isEqualTo("block.applied");
    assertThat(body.at("/data/id").asText()).isEqualTo(chain.chain.snapshot().lastBlock().id());
    assertThat(delivery.header("Authorization")).isEqualTo(token.substring(0, 32));
    assertThat(delivery.header("Content-Type")).startsWith("application/json");
    assertThat(delivery.header("X-Osmose-Event")).isEqualTo("block.applied");
    // a receiver's check: HMAC-SHA256 of the raw body keyed by the whole token
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
    assertThat(
            MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                delivery.header("X-Osmose-Signature").getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
  }

  @Test
  void conditionsChooseTheEventsAndVotesArriveAsWalletVote() throws Exception {
    PrivateKey voter = chain.funded(1);
    String delegate = Hex.encode(chain.plan.delegates().get(5).key().publicKey());
    // ARK's rule: one satisfied condition lets the event through
    register(
        "wallet.vote",
        "[{\"key\":\"delegate\",\"condition\":\"eq\",\"value\":\"" + delegate + "\"}]");
    register("transaction.applied", "[{\"key\":\"amount\",\"condition\":\"gt\",\"value\":\"1\"}]");

    Transaction vote =
        chain.sign(
            voter,
            chain.fee(TransactionType.VOTE),
            0,
            new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(Hex.decode(delegate))))),
            0);
    ObjectNode txs = Http.JSON.createObjectNode();
    txs.putArray("transactions").add(TransactionJson.toJson(vote));
    assertThat(
            new Http(apiServerFor())
                .post("/api/transactions", Http.JSON.writeValueAsBytes(txs))
                .statusCode())
        .isEqualTo(200);
    chain.forge();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                received.stream().anyMatch(r -> "wallet.vote".equals(r.header("X-Osmose-Event"))));
    JsonNode voted =
        received.stream()
            .filter(r -> "wallet.vote".equals(r.header("X-Osmose-Event")))
            .findFirst()
            .get()
            .json();
    assertThat(voted.at("/data/delegate").asText()).isEqualTo(delegate);
    assertThat(voted.at("/data/transaction/id").asText()).isEqualTo(vote.id());
    // the vote's amount is 0: the transaction.applied condition (amount > 1) holds it back
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                received.stream()
                    .noneMatch(r -> "transaction.applied".equals(r.header("X-Osmose-Event"))));
  }

  private ApiHttpServer apiServer;

  private ApiHttpServer apiServerFor() throws Exception {
    if (apiServer == null) {
      apiServer =
          ApiHttpServer.start(
              new InetSocketAddress("127.0.0.1", 0), api, TestServices.settings(), services);
    }
    return apiServer;
  }

  @AfterEach
  void stopApi() {
    if (apiServer != null) {
      apiServer.close();
    }
  }

  @Test
  void aReceiverThatFailsGetsRetriedWithBackoffUntilItAnswers() throws Exception {
    register("block.applied", "[]");
    failuresLeft.set(2);
    chain.forge();
    long height = chain.height();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().filter(r -> heightOf(r) == height).count() == 3);
    List<Received> tries = received.stream().filter(r -> heightOf(r) == height).toList();
    assertThat(tries).extracting(r -> r.header("X-Osmose-Attempt")).containsExactly("1", "2", "3");
    assertThat(tries)
        .extracting(r -> r.header("X-Osmose-Delivery"))
        .containsOnly(tries.get(0).header("X-Osmose-Delivery"));
    await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.waiting() == 0);
  }

  @Test
  void aReceiverThatNeverAnswersWellIsGivenUpAfterTheLastTry() throws Exception {
    register("block.applied", "[]");
    failuresLeft.set(1_000);
    chain.forge();
    long height = chain.height();
    // 4 tries, 100, 200 and 400 ms apart, then nothing more waits
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                webhooks.waiting() == 0
                    && received.stream().filter(r -> heightOf(r) == height).count() == 4);
    // a fifth try would come within 800 ms
    await()
        .during(Duration.ofMillis(1_000))
        .atMost(Duration.ofSeconds(3))
        .until(() -> received.stream().filter(r -> heightOf(r) == height).count() == 4);
  }

  @Test
  void deliveriesWaitingAtAStopAreSentAfterTheRestartWithTheirIds() throws Exception {
    closeWebhooks();
    // the second try would come 30 s after the first: the stop finds it waiting
    openWebhooks(
        new WebhookDeliverySettings(Duration.ofSeconds(2), 4, Duration.ofSeconds(30), 1000, 2));
    register("block.applied", "[]");
    failuresLeft.set(1);
    chain.forge();
    long height = chain.height();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().anyMatch(r -> heightOf(r) == height));
    String delivery =
        received.stream()
            .filter(r -> heightOf(r) == height)
            .findFirst()
            .get()
            .header("X-Osmose-Delivery");
    assertThat(webhooks.waiting()).isEqualTo(1);

    closeWebhooks();
    Path pending = dir.resolve(PendingWebhookDeliveries.FILE);
    assertThat(pending).exists();
    assertThat(Files.readString(pending)).contains(delivery);
    openWebhooks();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().filter(r -> heightOf(r) == height).count() == 2);
    Received again = received.stream().filter(r -> heightOf(r) == height).toList().get(1);
    assertThat(again.header("X-Osmose-Delivery")).isEqualTo(delivery);
    assertThat(again.header("X-Osmose-Attempt")).isEqualTo("2");
    assertThat(again.json().at("/data/height").asLong()).isEqualTo(height);
    await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.waiting() == 0);
    assertThat(pending).doesNotExist();
  }

  @Test
  void aPendingFileThatCannotBeReadIsSetAsideAndTheWebhooksStillStart() throws Exception {
    closeWebhooks();
    Files.writeString(dir.resolve(PendingWebhookDeliveries.FILE), "{\"deliveries\": [tr");
    openWebhooks();
    assertThat(dir.resolve(PendingWebhookDeliveries.FILE)).doesNotExist();
    assertThat(dir.resolve(PendingWebhookDeliveries.FILE + ".bad")).exists();
    register("block.applied", "[]");
    chain.forge();
    long height = chain.height();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().anyMatch(r -> heightOf(r) == height));
  }

  @Test
  void registrationsAreListedShownChangedDeletedAndSurviveARestart() throws Exception {
    JsonNode hook =
        register("block.applied", "[{\"key\":\"height\",\"condition\":\"gte\",\"value\":5}]");
    String id = hook.get("id").asText();

    JsonNode list = Http.JSON.readTree(send("GET", "/api/webhooks", null).body());
    assertThat(list.get("data")).hasSize(1);
    assertThat(list.at("/data/0/id").asText()).isEqualTo(id);
    assertThat(list.at("/data/0").has("token")).isFalse();
    JsonNode shown = Http.JSON.readTree(send("GET", "/api/webhooks/" + id, null).body());
    assertThat(shown.at("/data/conditions/0/value").asInt()).isEqualTo(5);
    assertThat(shown.get("data").has("token")).isFalse();

    HttpResponse<String> put =
        send(
            "PUT",
            "/api/webhooks/" + id,
            "{\"event\":\"transaction.applied\",\"target\":\""
                + target()
                + "\",\"enabled\":false,\"conditions\":[]}");
    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(put.body()).isEmpty();

    closeWebhooks();
    assertThat(Files.exists(dir.resolve(Webhooks.FILE))).isTrue();
    assertThat(Files.exists(dir.resolve(Webhooks.FILE + ".tmp"))).isFalse();
    openWebhooks();

    JsonNode again =
        Http.JSON.readTree(send("GET", "/api/webhooks/" + id, null).body()).get("data");
    assertThat(again.get("event").asText()).isEqualTo("transaction.applied");
    assertThat(again.get("enabled").asBoolean()).isFalse();
    // a disabled webhook gets nothing
    chain.forge();
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(received::isEmpty);

    assertThat(send("DELETE", "/api/webhooks/" + id, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/webhooks/" + id, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/webhooks/" + id, null).statusCode()).isEqualTo(404);
    assertThat(Http.JSON.readTree(send("GET", "/api/webhooks", null).body()).get("data")).isEmpty();
  }

  @Test
  void badRegistrationsGetArks422AndUnknownIdsArks404() throws Exception {
    String t = target();
    Map<String, String> bad =
        Map.ofEntries(
            Map.entry("[]", "\"value\" must be of type object"),
            Map.entry("{\"target\":\"" + t + "\",\"conditions\":[]}", "\"event\" is required"),
            Map.entry(
                "{\"event\":\"block.eaten\",\"target\":\"" + t + "\",\"conditions\":[]}",
                "\"event\" must be one of [block.applied, block.reverted, transaction.applied,"
                    + " transaction.reverted, wallet.vote, wallet.unvote]"),
            Map.entry("{\"event\":\"block.applied\",\"conditions\":[]}", "\"target\" is required"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\"file:///etc/passwd\",\"conditions\":[]}",
                "\"target\" must be a valid uri with a scheme matching the http|https pattern"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\"" + t + "\"}",
                "\"conditions\" is required"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\"" + t + "\",\"conditions\":{}}",
                "\"conditions\" must be an array"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\""
                    + t
                    + "\",\"enabled\":\"yes\",\"conditions\":[]}",
                "\"enabled\" must be a boolean"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\""
                    + t
                    + "\",\"conditions\":[{\"key\":\"height\",\"condition\":\"bigger\"}]}",
                "\"conditions[0].condition\" must be one of [between, contains, eq, falsy, gt, gte,"
                    + " lt, lte, ne, not-between, regexp, truthy]"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\""
                    + t
                    + "\",\"conditions\":[{\"condition\":\"eq\"}]}",
                "\"conditions[0].key\" is required"),
            Map.entry(
                "{\"event\":\"block.applied\",\"target\":\""
                    + t
                    + "\",\"conditions\":[],\"secret\":1}",
                "\"secret\" is not allowed"),
            Map.entry("{\"event\":", "Invalid request payload JSON format"));
    for (Map.Entry<String, String> c : bad.entrySet()) {
      HttpResponse<String> r = send("POST", "/api/webhooks", c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(422);
      JsonNode error = Http.JSON.readTree(r.body());
      assertThat(List.copyOf(iterable(error.fieldNames())))
          .containsExactly("statusCode", "error", "message");
      assertThat(error.get("error").asText()).isEqualTo("Unprocessable Entity");
      assertThat(error.get("message").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    // PUT requires enabled; the body is checked before the id
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/webhooks/nope",
            "{\"event\":\"block.applied\",\"target\":\"" + t + "\",\"conditions\":[]}");
    assertThat(put.statusCode()).isEqualTo(422);
    assertThat(Http.JSON.readTree(put.body()).get("message").asText())
        .isEqualTo("\"enabled\" is required");
    JsonNode missing = Http.JSON.readTree(send("GET", "/api/webhooks/nope", null).body());
    assertThat(missing.toString())
        .isEqualTo("{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}");
    assertThat(send("PATCH", "/api/webhooks", "{}").statusCode()).isEqualTo(405);
    assertThat(Http.JSON.readTree(send("GET", "/api/webhooks", null).body()).get("data")).isEmpty();
  }

  @Test
  void onlyWhitelistedClientsAreServed() throws Exception {
    server.close();
    server =
        webhooks.serve(
            new InetSocketAddress("127.0.0.1", 0),
            ApiServerSettings.webhooks().withAllowedClients(Set.of("10.255.255.1")),
            services);
    HttpResponse<String> r = send("GET", "/api/webhooks", null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body())
        .isEqualTo("{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"Forbidden\"}");
  }

  @Test
  void theWebhookServerDocumentsExactlyItsRoutes() throws Exception {
    JsonNode doc = Http.JSON.readTree(send("GET", "/api/docs/openapi.json", null).body());
    assertThat(List.copyOf(iterable(doc.get("paths").fieldNames())))
        .containsExactlyInAnyOrder("/webhooks", "/webhooks/{id}");
    assertThat(List.copyOf(iterable(doc.at("/paths/~1webhooks~1{id}").fieldNames())))
        .containsExactlyInAnyOrder("get", "put", "delete");
    // no event stream on this server
    assertThat(send("GET", "/api/events", null).statusCode()).isEqualTo(404);
  }

  private static long heightOf(Received r) {
    try {
      JsonNode body = r.json();
      return "block.applied".equals(body.path("event").asText())
          ? body.at("/data/height").asLong(-1)
          : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
