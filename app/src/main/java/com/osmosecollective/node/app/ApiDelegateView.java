package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.wallet.LastBlock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running node's chain through its ARK-style REST API: {@code /api/blockchain}, {@code
 * /api/blocks/{height}}, {@code /api/delegates/{id}}, {@code /api/rounds/{round}/delegates}. ARK's
 * delegate resource has no missed-block count, so {@link Delegate#missed()} is null here.
 */
final class ApiDelegateView implements DelegateView {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

  private final String base;
  private final HttpClient http;

  /**
   * @param url the node's API, e.g. {@code http://127.0.0.1:4003} (with or without /api)
   */
  ApiDelegateView(String url) {
    String trimmed = url.strip().replaceAll("/+$", "");
    if (trimmed.endsWith("/api")) {
      trimmed = trimmed.substring(0, trimmed.length() - 4);
    }
    URI uri = URI.create(trimmed);
    if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--api must be an http(s) URL such as http://127.0.0.1:4003");
    }
    this.base = trimmed;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public long tipHeight() throws ViewException {
    return get("/api/blockchain")
        .orElseThrow(() -> notFound("/api/blockchain"))
        .path("data")
        .path("block")
        .path("height")
        .asLong();
  }

  @Override
  public long blockTimestamp(long height) throws ViewException {
    JsonNode block =
        get("/api/blocks/" + height).orElseThrow(() -> notFound("/api/blocks/" + height));
    return block.path("data").path("timestamp").path("epoch").asLong();
  }

  @Override
  public Optional<Delegate> delegate(String id) throws ViewException {
    Optional<JsonNode> answer =
        get("/api/delegates/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode d = answer.get().path("data");
    JsonNode last = d.path("blocks").path("last");
    return Optional.of(
        new Delegate(
            d.path("username").asText(),
            d.path("address").asText(),
            d.path("publicKey").asText(),
            Long.parseLong(d.path("votes").asText("0")),
            d.path("rank").asInt(0),
            d.path("isResigned").asBoolean(false),
            d.path("blocks").path("produced").asLong(),
            null,
            last.isObject()
                ? new LastBlock(
                    last.path("height").asLong(),
                    last.path("id").asText(),
                    last.path("timestamp").path("epoch").asLong())
                : null));
  }

  @Override
  public long nonce(String address) throws ViewException {
    return get("/api/wallets/" + URLEncoder.encode(address, StandardCharsets.UTF_8))
        .map(w -> Long.parseLong(w.path("data").path("nonce").asText("0")))
        .orElse(0L);
  }

  @Override
  public List<AccountPeriod> accounts(String id, int periods) throws ViewException {
    Optional<JsonNode> answer =
        get(
            "/api/delegates/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/accounts?limit="
                + periods);
    List<AccountPeriod> out = new ArrayList<>();
    answer.ifPresent(
        a ->
            a.path("data")
                .forEach(
                    p ->
                        out.add(
                            new AccountPeriod(
                                p.path("period").asLong(),
                                p.path("fromHeight").asLong(),
                                p.path("toHeight").asLong(),
                                p.path("complete").asBoolean(),
                                Long.parseLong(p.path("forged").path("total").asText("0")),
                                Long.parseLong(p.path("promised").asText("0")),
                                Long.parseLong(p.path("paid").asText("0")),
                                Long.parseLong(p.path("difference").asText("0"))))));
    return out;
  }

  /** The node's URL without {@code /api}, e.g. {@code http://127.0.0.1:4003}. */
  String base() {
    return base;
  }

  @Override
  public List<String> roundDelegates(long round) throws ViewException {
    List<String> keys = new ArrayList<>();
    get("/api/rounds/" + round + "/delegates")
        .ifPresent(r -> r.path("data").forEach(d -> keys.add(d.path("publicKey").asText())));
    return keys;
  }

  @Override
  public String source() {
    return "the API at " + base;
  }

  /** The JSON answer, or empty on a 404. */
  private Optional<JsonNode> get(String path) throws ViewException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ViewException(
          "cannot reach the node's API at "
              + base
              + ": "
              + describe(e)
              + " (is the node running?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewException("interrupted while asking " + base + path);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    String body = response.body();
    if (response.statusCode() != 200) {
      throw new ViewException(base + path + " answered " + response.statusCode());
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new ViewException(base + path + " answered more than 4 MiB");
    }
    try {
      return Optional.of(Json.mapper().readTree(body));
    } catch (IOException e) {
      throw new ViewException(base + path + " did not answer JSON");
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private ViewException notFound(String path) {
    return new ViewException(base + path + " answered 404");
  }

  @Override
  public void close() {
    // HttpClient of Java 17 has no close; its threads are daemons
  }
}
