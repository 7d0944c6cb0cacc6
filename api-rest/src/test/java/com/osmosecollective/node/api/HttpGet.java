package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.storage.ChainStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs against a running {@link ApiHttpServer}, checking status and ARK's headers. */
final class HttpGet {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final ApiHttpServer server;

  HttpGet(ApiHttpServer server) {
    this.server = server;
  }

  /** The read API of {@code store} served on a free port of 127.0.0.1 (the caller closes it). */
  static ApiHttpServer serve(Network network, ChainStore store) throws InterruptedException {
    return TestServices.serve(TestServices.readOnly(network, store));
  }

  HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return client.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a 200 answer. */
  JsonNode ok(String path) throws Exception {
    return body(path, 200);
  }

  /** The body of an error answer, which must carry {@code status}. */
  JsonNode error(String path, int status) throws Exception {
    JsonNode body = body(path, status);
    assertThat(body.get("statusCode").asInt()).isEqualTo(status);
    return body;
  }

  /** The answer must be the recorded error body, status included. */
  void assertError(String path, String sample) throws Exception {
    JsonNode expected = ArkSamples.load(sample);
    assertSameTree(error(path, expected.get("statusCode").asInt()), expected);
  }

  private JsonNode body(String path, int status) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("x-block-height")).as(path).isPresent();
    return JSON.readTree(r.body());
  }
}
