package com.osmosecollective.node.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code POST /api/transactions} with fresh transactions (none seen before), the pool's real
 * admission path: every signature verified, nonces, balances, the pool's insert. The devnet's
 * funded wallet 1 first pays {@code senders} new wallets in multi-payments and waits until they are
 * forged; then each sender's {@code bodiesPerSender} bodies of 40 transfers are signed ahead and
 * posted over {@code connections} connections, a sender's bodies in order on one connection (the
 * pool takes a sender's nonces in sequence). The burst is bounded by the pool itself (15,000
 * transactions, 150 per sender), so it is one burst, timed from the first request to the last
 * answer.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar ...ApiFreshPosts <api url> <senders> <bodies
 * per sender> <connections>}
 */
public final class ApiFreshPosts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_BODY = 40;

  private ApiFreshPosts() {}

  public static void main(String[] args) throws Exception {
    String api = args[0];
    int senders = Integer.parseInt(args[1]);
    int bodiesPerSender = Integer.parseInt(args[2]);
    int connections = Integer.parseInt(args[3]);
    int warmupSenders = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Path bodiesDir = args.length > 5 ? Path.of(args[5]) : null;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    JsonNode crypto = get(http, api + "/node/configuration/crypto").get("data");
    int pubKeyHash = crypto.at("/network/pubKeyHash").asInt();
    JsonNode milestone = crypto.at("/milestones/0");
    long transferFee = milestone.at("/fees/staticFees/transfer").asLong();
    long multiPaymentFee = milestone.at("/fees/staticFees/multiPayment").asLong();
    int perPayment = Math.min(64, milestone.path("multiPaymentLimit").asInt(64));

    PrivateKey funder = PrivateKey.fromPassphrase("osmose devnet wallet 1");
    long funderNonce =
        get(http, api + "/wallets/" + address(funder, pubKeyHash)).at("/data/nonce").asLong();
    int all = senders + warmupSenders;
    PrivateKey[] keys = new PrivateKey[all];
    long run = System.currentTimeMillis();
    for (int i = 0; i < all; i++) {
      keys[i] = PrivateKey.fromPassphrase("api benchmark sender " + run + " " + i);
    }
    long each = (transferFee + 1) * PER_BODY * (bodiesPerSender + 1L);
    ArrayNode funding = JSON.createArrayNode();
    for (int from = 0; from < all; from += perPayment) {
      List<Asset.Payment> payments = new ArrayList<>();
      for (int i = from; i < Math.min(all, from + perPayment); i++) {
        payments.add(
            new Asset.Payment(
                each, Bytes.of(Address.payloadFromPublicKey(keys[i].publicKey(), pubKeyHash))));
      }
      Transaction tx =
          Transaction.builder()
              .version(2)
              .network(pubKeyHash)
              .nonce(++funderNonce)
              .senderPublicKey(Bytes.of(funder.publicKey()))
              .fee(multiPaymentFee)
              .asset(new Asset.MultiPayment(payments))
              .build();
      funding.add(TransactionJson.toJson(TransactionSigner.sign(tx, funder)));
    }
    ObjectNode fundingBody = JSON.createObjectNode();
    fundingBody.set("transactions", funding);
    JsonNode funded = post(http, api, JSON.writeValueAsBytes(fundingBody)).json();
    if (funded.at("/data/accept").size() != funding.size()) {
      throw new IllegalStateException("funding refused: " + funded);
    }
    String last = address(keys[all - 1], pubKeyHash);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (status(http, api + "/wallets/" + last) != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the funding was not forged within 90 s");
      }
      Thread.sleep(250);
    }

    Bytes recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                PrivateKey.fromPassphrase("api benchmark recipient").publicKey(), pubKeyHash));
    // the warm-up senders' bodies go first, unmeasured: the admission path then runs compiled code
    List<byte[]> warmup = new ArrayList<>();
    for (int s = senders; s < all; s++) {
      warmup.add(body(keys[s], 0, pubKeyHash, transferFee, recipient));
    }
    List<List<byte[]>> perConnection = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      perConnection.add(new ArrayList<>());
    }
    byte[][][] signed = new byte[bodiesPerSender][senders][];
    for (int b = 0; b < bodiesPerSender; b++) {
      for (int s = 0; s < senders; s++) {
        signed[b][s] = body(keys[s], b, pubKeyHash, transferFee, recipient);
        perConnection.get(s % connections).add(signed[b][s]);
      }
    }
    for (byte[] body : warmup) {
      post(http, api, body);
    }
    if (bodiesDir != null) {
      // for a lighter client (benchmarks/api-fresh.lua under wrk): body-<b>-<s>.json, posted in
      // order of b so each sender's nonces arrive in sequence
      Files.createDirectories(bodiesDir);
      for (int b = 0; b < bodiesPerSender; b++) {
        for (int s = 0; s < senders; s++) {
          Files.write(bodiesDir.resolve("body-" + b + "-" + s + ".json"), signed[b][s]);
        }
      }
      System.out.printf(
          "%d bodies of %d fresh transfers written to %s%n",
          senders * bodiesPerSender, PER_BODY, bodiesDir);
      return;
    }

    ExecutorService pool = Executors.newFixedThreadPool(connections);

    List<Future<long[]>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (List<byte[]> bodies : perConnection) {
      results.add(
          pool.submit(
              () -> {
                HttpClient own =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] out = new long[bodies.size() + 1];
                for (int i = 0; i < bodies.size(); i++) {
                  long t0 = System.nanoTime();
                  Answer a = post(own, api, bodies.get(i));
                  out[i + 1] = System.nanoTime() - t0;
                  out[0] += a.json().at("/data/accept").size();
                }
                return out;
              }));
    }
    long accepted = 0;
    List<Long> latencies = new ArrayList<>();
    for (Future<long[]> f : results) {
      long[] r = f.get();
      accepted += r[0];
      for (int i = 1; i < r.length; i++) {
        latencies.add(r[i]);
      }
    }
    long end = System.nanoTime();
    double seconds = (end - start) / 1e9;
    pool.shutdown();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int requests = sorted.length;
    System.out.printf(
        "%d POSTs of %d fresh transfers (%d senders, %d connections) in %.2f s: %.0f req/s,"
            + " %d of %d accepted = %.0f tx/s into the pool; latency p50 %.1f ms, p99 %.1f ms%n",
        requests,
        PER_BODY,
        senders,
        connections,
        seconds,
        requests / seconds,
        accepted,
        (long) requests * PER_BODY,
        accepted / seconds,
        sorted[requests / 2] / 1e6,
        sorted[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6);
    // on Linux System.nanoTime is CLOCK_MONOTONIC: lets a profile (perf -k CLOCK_MONOTONIC) or
    // per-thread CPU samples be cut to the burst
    System.out.printf("burst window (System.nanoTime): %d %d%n", start, end);
  }

  /** Body {@code b} of a sender: 40 transfers with nonces {@code 40 b + 1 ...}. */
  private static byte[] body(PrivateKey key, int b, int pubKeyHash, long fee, Bytes recipient)
      throws Exception {
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < PER_BODY; i++) {
      Transaction tx =
          Transaction.builder()
              .version(2)
              .network(pubKeyHash)
              .nonce((long) b * PER_BODY + i + 1)
              .senderPublicKey(Bytes.of(key.publicKey()))
              .fee(fee)
              .amount(1)
              .asset(new Asset.Transfer(0, recipient))
              .build();
      list.add(TransactionJson.toJson(TransactionSigner.sign(tx, key)));
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("transactions", list);
    return JSON.writeValueAsBytes(body);
  }

  private static String address(PrivateKey key, int pubKeyHash) {
    return Address.fromPublicKey(key.publicKey(), pubKeyHash);
  }

  /** One answer: status and body. */
  private record Answer(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private static Answer post(HttpClient http, String api, byte[] body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/transactions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
    }
    return new Answer(r.statusCode(), r.body());
  }

  private static int status(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
