package com.osmosecollective.node.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
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

/**
 * Writes {@code POST /api/transactions} bodies of 40 signed transfers each for {@code
 * benchmarks/api-wrk.sh}: senders are the devnet's public funded wallets ("osmose devnet wallet
 * N"), nonces follow each sender's nonce read from the running node.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar ...ApiTransferBodies <api url> <out dir>
 * <bodies>}
 */
public final class ApiTransferBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiTransferBodies() {}

  public static void main(String[] args) throws Exception {
    String api = args[0];
    Path out = Path.of(args[1]);
    int bodies = Integer.parseInt(args[2]);
    Files.createDirectories(out);
    HttpClient http = HttpClient.newHttpClient();
    JsonNode crypto = get(http, api + "/node/configuration/crypto").get("data");
    int pubKeyHash = crypto.at("/network/pubKeyHash").asInt();
    long fee = crypto.at("/milestones/0/fees/staticFees/transfer").asLong();
    int wallets = 5;
    long[] nonces = new long[wallets];
    PrivateKey[] keys = new PrivateKey[wallets];
    for (int w = 0; w < wallets; w++) {
      keys[w] = PrivateKey.fromPassphrase("osmose devnet wallet " + (w + 1));
      String address = Address.fromPublicKey(keys[w].publicKey(), pubKeyHash);
      nonces[w] = get(http, api + "/wallets/" + address).at("/data/nonce").asLong();
    }
    Bytes recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                PrivateKey.fromPassphrase("api benchmark recipient").publicKey(), pubKeyHash));
    for (int b = 0; b < bodies; b++) {
      int w = b % wallets;
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("transactions");
      for (int i = 0; i < 40; i++) {
        Transaction tx =
            Transaction.builder()
                .version(2)
                .network(pubKeyHash)
                .nonce(++nonces[w])
                .senderPublicKey(Bytes.of(keys[w].publicKey()))
                .fee(fee)
                .amount(1)
                .asset(new Asset.Transfer(0, recipient))
                .build();
        list.add(TransactionJson.toJson(TransactionSigner.sign(tx, keys[w])));
      }
      Files.write(out.resolve("body-" + b + ".json"), JSON.writeValueAsBytes(body));
    }
    System.out.println(
        "wrote " + bodies + " bodies of 40 transfers from " + Hex.encode(keys[0].publicKey()));
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
