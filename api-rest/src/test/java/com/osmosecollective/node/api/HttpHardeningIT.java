package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and malformed HTTP input against the real server: every case gets a 4xx in ARK's error
 * shape or a closed connection, never a 500, and the server keeps serving. The advisories named are
 * the ones each case covers (SV-014 unbounded queries, SV-041 API resource isolation).
 */
class HttpHardeningIT {
  @TempDir Path dir;
  private ChainStore store;
  private ApiHttpServer server;

  private Http start(ApiServerSettings settings) throws Exception {
    var network = ArkSamples.testnet();
    store = ChainStore.open(StoreOptions.defaults(dir), network.nethash());
    new StoredChain(network, store).commit(List.of(), List.of());
    ApiServices services = TestServices.readOnly(network, store);
    server =
        ApiHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0), new RestApi(services), settings, services);
    return new Http(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** Sends raw bytes, returns what came back until the server closed or {@code wait} passed. */
  private String raw(String request, Duration wait) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
      s.setSoTimeout((int) wait.toMillis());
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          out.write(buf, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        // the answer came, the connection stayed open (keep-alive)
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void anEncodedSlashIsNoSeparatorAndABadEscapeIs400() throws Exception {
    Http http = start(TestServices.settings());
    assertThat(http.get("/api/blocks/last").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/blocks%2flast").statusCode()).isEqualTo(404);
    String bad = raw("GET /api/blocks/%zz HTTP/1.1\r\nHost: x\r\n\r\n", Duration.ofSeconds(2));
    assertThat(bad).startsWith("HTTP/1.1 400").contains("\"error\":\"Bad Request\"");
    String badQuery =
        raw("GET /api/blocks?limit=%zz HTTP/1.1\r\nHost: x\r\n\r\n", Duration.ofSeconds(2));
    assertThat(badQuery).startsWith("HTTP/1.1 400");
  }

  @Test
  void headIsGetWithoutABodyAndAPostOnAGetRouteIs405() throws Exception {
    Http http = start(TestServices.settings());
    String head = raw("HEAD /api/blocks/last HTTP/1.1\r\nHost: x\r\n\r\n", Duration.ofSeconds(1));
    assertThat(head).startsWith("HTTP/1.1 200").contains("content-length: ").doesNotContain("{");
    HttpResponse<String> post =
        http.post("/api/blocks/last", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(Http.json(post).get("error").asText()).isEqualTo("Method Not Allowed");
  }

  /** SV-014: an over-long identifier is refused before any lookup, with a 4xx. */
  @Test
  void overLongPathParametersAre422NotServerErrors() throws Exception {
    Http http = start(TestServices.settings());
    String longId = "a".repeat(3000);
    for (String path :
        List.of(
            "/api/wallets/" + longId,
            "/api/delegates/" + longId,
            "/api/blocks/" + longId,
            "/api/delegates/" + longId + "/voters",
            "/api/transactions/" + longId,
            "/api/locks/" + longId,
            "/api/peers/" + longId)) {
      HttpResponse<String> r = http.get(path);
      assertThat(r.statusCode()).as(path.substring(0, 20)).isBetween(400, 499);
      assertThat(Http.json(r).get("statusCode").asInt()).isEqualTo(r.statusCode());
    }
    assertThat(http.get("/api/blocks?limit=101").statusCode()).as("limit <= 100").isEqualTo(422);
  }

  @Test
  void badBodiesAre4xx() throws Exception {
    Http http = start(TestServices.settings());
    byte[] invalidUtf8 = {'{', '"', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
    assertThat(http.post("/api/transactions", invalidUtf8).statusCode()).isEqualTo(422);
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThat(http.post("/api/transactions", deep.getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(422);
    byte[] tenMegabytes = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(tenMegabytes, (byte) ' ');
    int status;
    try {
      status = http.post("/api/transactions", tenMegabytes).statusCode();
    } catch (IOException e) {
      status = 413; // the server may close before the client finished sending
    }
    assertThat(status).isEqualTo(413);
    assertThat(http.get("/api/blocks/last").statusCode()).as("still serving").isEqualTo(200);
  }

  @Test
  void idleAndSlowConnectionsAreClosed() throws Exception {
    start(TestServices.settings().withTimeouts(1, 1));
    try (Socket idle = new Socket("127.0.0.1", server.address().getPort());
        Socket slow = new Socket("127.0.0.1", server.address().getPort())) {
      OutputStream out = slow.getOutputStream();
      out.write("GET /api/blocks HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      idle.setSoTimeout(5000);
      slow.setSoTimeout(5000);
      long start = System.nanoTime();
      assertThat(idle.getInputStream().read()).as("idle closed").isEqualTo(-1);
      // slow drip: a byte every 300 ms keeps the idle timer quiet, the request deadline does not
      boolean closed = false;
      for (int i = 0; i < 20 && !closed; i++) {
        try {
          out.write('x');
          out.flush();
          Thread.sleep(300);
        } catch (IOException e) {
          closed = true;
        }
      }
      if (!closed) {
        closed = slow.getInputStream().read() == -1;
      }
      assertThat(closed).as("slow request cut").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void connectionsArePerIpAndInAllCapped() throws Exception {
    start(TestServices.settings().withConnections(1000, 3, 0));
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(new Socket("127.0.0.1", server.address().getPort()));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 3);
      try (Socket fourth = new Socket("127.0.0.1", server.address().getPort())) {
        fourth.setSoTimeout(3000);
        assertThat(fourth.getInputStream().read()).as("over the per-IP cap").isEqualTo(-1);
      }
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  /** SV-041: the rate limit answers ARK's 429 with its headers. */
  @Test
  void theRateLimitAnswers429WithArksHeaders() throws Exception {
    Http http = start(TestServices.settings().withRateLimit(3, 60, Set.of()));
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/blockchain").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = http.get("/api/blockchain");
    JsonNode expected = ArkSamples.load("err_rate_limited_429.json");
    assertThat(limited.statusCode()).isEqualTo(429);
    JsonTrees.assertSameTree(Http.json(limited), expected);
    assertThat(limited.headers().firstValue("x-ratelimit-limit")).hasValue("3");
    assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
    assertThat(limited.headers().firstValue("x-ratelimit-reset")).isPresent();
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
  }

  @Test
  void gzipWhenAskedAndCorsForBrowsers() throws Exception {
    start(TestServices.settings());
    try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
      s.getOutputStream()
          .write(
              ("GET /api/node/configuration/crypto HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                      + "Origin: http://wallet.example\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] all = s.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      String headers = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
      assertThat(headers)
          .contains("content-encoding: gzip")
          .contains("access-control-allow-origin: *");
      byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
      if (headers.contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      String json =
          new String(
              new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(Http.JSON.readTree(json).at("/data/network").isObject()).isTrue();
    }
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int eol = i;
      while (chunked[eol] != '\r') {
        eol++;
      }
      int size =
          Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
