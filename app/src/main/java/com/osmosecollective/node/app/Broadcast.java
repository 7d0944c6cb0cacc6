package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts signed transactions to a node's {@code POST /api/transactions}, at most ARK's 40 per
 * request, and gathers what the node accepted and refused.
 */
final class Broadcast {
  static final int PER_REQUEST = 40;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** What the node answered: accepted ids, and a reason per refused id. */
  record Result(List<String> accepted, List<String> refused) {}

  /**
   * @param url the node's API, e.g. {@code http://127.0.0.1:4003} (with or without /api)
   */
  Broadcast(String url) {
    String trimmed = url.strip().replaceAll("/+$", "");
    if (trimmed.endsWith("/api")) {
      trimmed = trimmed.substring(0, trimmed.length() - 4);
    }
    URI uri = URI.create(trimmed);
    if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--broadcast must be an http(s) URL such as http://127.0.0.1:4003");
    }
    this.endpoint = URI.create(trimmed + "/api/transactions");
  }

  Result post(List<Transaction> transactions) throws IOException, InterruptedException {
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i += PER_REQUEST) {
      ObjectNode body = Json.mapper().createObjectNode();
      ArrayNode list = body.putArray("transactions");
      for (Transaction tx :
          transactions.subList(i, Math.min(transactions.size(), i + PER_REQUEST))) {
        list.add(TransactionJson.toJson(tx));
      }
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode answer;
      try {
        answer = Json.mapper().readTree(response.body());
      } catch (IOException e) {
        throw new IOException(endpoint + " answered " + response.statusCode() + " without JSON", e);
      }
      JsonNode data = answer.path("data");
      if (data.isMissingNode()) {
        throw new IOException(
            endpoint
                + " answered "
                + response.statusCode()
                + ": "
                + answer.path("message").asText());
      }
      data.path("accept").forEach(id -> accepted.add(id.asText()));
      for (var e : answer.path("errors").properties()) {
        refused.add(e.getKey() + ": " + e.getValue().path("message").asText());
      }
    }
    return new Result(accepted, refused);
  }

  /**
   * Posts {@code transactions}, prints how many the node accepted to {@code out} and each refusal
   * to {@code err}; returns the command's exit code (0 all accepted, {@link
   * DelegateCommand#EXIT_REFUSED} some refused, {@link DelegateCommand#EXIT_UNREADABLE} the node
   * could not be reached).
   */
  int postAndReport(List<Transaction> transactions, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    Result result;
    try {
      result = post(transactions);
    } catch (IOException e) {
      err.println("error: cannot post to " + this + ": " + e.getMessage());
      return DelegateCommand.EXIT_UNREADABLE;
    }
    out.printf(
        "posted %d transaction(s) to %s: %d accepted%n",
        transactions.size(), this, result.accepted().size());
    result.refused().forEach(r -> err.println("refused: " + r));
    out.flush();
    return result.accepted().size() == transactions.size() ? 0 : DelegateCommand.EXIT_REFUSED;
  }

  @Override
  public String toString() {
    return endpoint.toString();
  }
}
