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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/events}: server-sent events of the chain's blocks, transactions and votes, fed by
 * the chain thread through {@link EventHub}; a client that stops reading is dropped while the
 * publisher never waits (SV-041: no API client may hold a chain thread).
 */
class EventStreamIT {
  @TempDir Path dir;
  private LiveChain chain;
  private RestApi api;
  private ApiHttpServer server;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    chain = new LiveChain(dir);
    chain.forge();
    ApiServices services = chain.services();
    api = new RestApi(services);
    chain.chain.addListener(api.events());
    server =
        ApiHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0), api, TestServices.settings(), services);
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
    chain.close();
  }

  @Test
  void blocksTransactionsAndVotesStreamAsArksEvents() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        http.uri(
                            "/api/events?events=block.applied,transaction.applied,wallet.vote"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/event-stream");
    Thread reader =
        new Thread(
            () -> {
              try {
                stream.body().forEach(lines::add);
              } catch (java.io.UncheckedIOException e) {
                // the server closed the stream at the end of the test
              }
            });
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> api.events().subscribers() == 1);

    PrivateKey voter = chain.funded(1);
    String delegate = Hex.encode(chain.plan.delegates().get(5).key().publicKey());
    Transaction vote =
        chain.sign(
            voter,
            chain.fee(TransactionType.VOTE),
            0,
            new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(Hex.decode(delegate))))),
            0);
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("transactions").add(TransactionJson.toJson(vote));
    assertThat(http.post("/api/transactions", Http.JSON.writeValueAsBytes(body)).statusCode())
        .isEqualTo(200);
    chain.forge();
    long height = chain.height();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> events(lines).stream().anyMatch(e -> e.name.equals("wallet.vote")));
    List<Event> events = events(lines);
    Event block =
        events.stream()
            .filter(e -> e.name.equals("block.applied") && e.data.get("height").asLong() == height)
            .findFirst()
            .orElseThrow();
    assertThat(block.data.get("numberOfTransactions").asInt()).isEqualTo(1);
    assertThat(block.data.has("transactions")).isFalse();
    Event applied =
        events.stream().filter(e -> e.name.equals("transaction.applied")).findFirst().orElseThrow();
    assertThat(applied.data.get("id").asText()).isEqualTo(vote.id());
    assertThat(applied.data.get("typeGroup").asInt()).isEqualTo(1);
    Event voted =
        events.stream().filter(e -> e.name.equals("wallet.vote")).findFirst().orElseThrow();
    assertThat(voted.data.get("delegate").asText()).isEqualTo(delegate);
    assertThat(voted.data.at("/transaction/id").asText()).isEqualTo(vote.id());
    // ids grow in publication order; only the events asked for came
    assertThat(events).allMatch(e -> !e.name.endsWith("reverted"));
    assertThat(block.id).isLessThan(applied.id);
    assertThat(applied.id).isLessThan(voted.id);
  }

  /**
   * SV-041: a client that never reads is dropped once its connection's buffer is full, and the
   * chain side's publishing never waits for it.
   */
  @Test
  void aClientThatStopsReadingIsDroppedAndNeverBlocksThePublisher() throws Exception {
    try (Socket silent = new Socket("127.0.0.1", server.address().getPort())) {
      silent.setReceiveBufferSize(4096);
      OutputStream out = silent.getOutputStream();
      out.write("GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = silent.getInputStream();
      byte[] head = new byte[64];
      assertThat(in.read(head)).isPositive();
      await().atMost(Duration.ofSeconds(10)).until(() -> api.events().subscribers() == 1);

      ObjectNode big = Http.JSON.createObjectNode();
      big.put("padding", "x".repeat(16_384));
      long start = System.nanoTime();
      for (int i = 0; i < 5_000; i++) {
        api.events().publish(ChainEvent.BLOCK_APPLIED, big);
      }
      long publishMillis = (System.nanoTime() - start) / 1_000_000;
      // 80 MB offered to a reader that reads nothing: the publisher only queues or drops
      assertThat(publishMillis).isLessThan(5_000);
      await().atMost(Duration.ofSeconds(30)).until(() -> api.events().subscribers() == 0);
    }
    // the API and the chain carry on
    chain.forge();
    assertThat(http.get("/api/blockchain").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownEventsAndParametersAreArks422() throws Exception {
    HttpResponse<String> unknown = http.get("/api/events?events=block.applied,block.eaten");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(Http.json(unknown).get("error").asText()).isEqualTo("Unprocessable Entity");
    assertThat(http.get("/api/events?limit=1").statusCode()).isEqualTo(422);
    assertThat(api.events().subscribers()).isZero();
  }

  /** One parsed server-sent event. */
  private record Event(long id, String name, JsonNode data) {}

  private static List<Event> events(List<String> lines) throws Exception {
    List<Event> out = new ArrayList<>();
    Long id = null;
    String name = null;
    for (String line : lines) {
      if (line.startsWith("id: ")) {
        id = Long.parseLong(line.substring(4));
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ") && id != null && name != null) {
        out.add(new Event(id, name, Http.JSON.readTree(line.substring(6))));
        id = null;
        name = null;
      }
    }
    return out;
  }
}
