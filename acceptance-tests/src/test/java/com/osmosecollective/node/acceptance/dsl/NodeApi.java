package com.osmosecollective.node.acceptance.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A node's REST API, as a wallet or explorer reaches it. */
public final class NodeApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public NodeApi(URI base) {
    this.base = base;
  }

  /** One answer: status and body (parsed when it is JSON, else a text node). */
  public record Answer(int status, JsonNode body) {
    public JsonNode data() {
      return body.path("data");
    }
  }

  public URI base() {
    return base;
  }

  /** GET {@code /api<path>}. */
  public Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve("api" + path)).GET());
  }

  /** GET {@code /api<path>}, which must answer 200; its body. */
  public JsonNode getOk(String path) {
    Answer answer = get(path);
    if (answer.status() != 200) {
      throw new AssertionError("GET /api" + path + " answered " + answer);
    }
    return answer.body();
  }

  /** GET {@code <path>} outside {@code /api} (e.g. {@code /metrics}), which must answer 200. */
  public String getText(String path) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(base.resolve(path.substring(1)))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** POST {@code /api<path>} with a JSON body. */
  public Answer post(String path, JsonNode body) {
    return send(
        HttpRequest.newBuilder(base.resolve("api" + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** The height of the node's last block ({@code /api/blockchain}). */
  public long height() {
    return getOk("/blockchain").path("data").path("block").path("height").asLong();
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
