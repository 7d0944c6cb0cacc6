package com.osmosecollective.node.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * What a wallet does against one node's REST API in the funding scenarios: read a wallet's nonce,
 * balance and the fees, sign and post a transaction of any type, wait until it is in a block.
 */
public final class WalletSteps {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a posted transaction may take to be forged (several rounds of 3 s blocks). */
  public static final Duration FORGED = Duration.ofSeconds(60);

  private WalletSteps() {}

  public static String address(PrivateKey key, int pubKeyHash) {
    return Address.fromPublicKey(key.publicKey(), pubKeyHash);
  }

  /** The 21-byte payload of {@code address}, as transfer and payout assets take it. */
  public static Bytes recipient(String address, int pubKeyHash) throws Exception {
    return Bytes.of(Address.decode(address, pubKeyHash));
  }

  /** The wallet's nonce; 0 for a wallet the node has never seen. */
  public static long nonce(NodeApi api, String address) {
    NodeApi.Answer a = api.get("/wallets/" + address);
    return a.status() == 404 ? 0 : a.data().get("nonce").asLong();
  }

  /** The wallet's balance in arktoshi; 0 for a wallet the node has never seen. */
  public static long balance(NodeApi api, String address) {
    NodeApi.Answer a = api.get("/wallets/" + address);
    return a.status() == 404 ? 0 : a.data().get("balance").asLong();
  }

  /** The static fee of a type-group-1 transaction type (e.g. {@code "transfer"}). */
  public static long fee(NodeApi api, String type) {
    return api.getOk("/transactions/fees").at("/data/1/" + type).asLong();
  }

  /** A v2 transaction carrying {@code asset} and no amount, signed by {@code sender}. */
  public static Transaction sign(
      PrivateKey sender, long nonce, long fee, Asset asset, Network network) {
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(fee)
            .amount(0)
            .asset(asset)
            .build();
    return TransactionSigner.sign(tx, sender);
  }

  /**
   * Pays three new voters ({@code "<prefix> 0..2"}: 1,000, 1,500 and 2,000 coins) and {@code
   * delegateAddress} (100 coins, for its fees) in one multi-payment from {@code rich}, and waits
   * until it is forged; the voters' keys.
   */
  public static List<PrivateKey> fundVotersAndDelegate(
      NodeApi api, Network network, PrivateKey rich, String prefix, String delegateAddress)
      throws Exception {
    long coin = 100_000_000L;
    int pubKeyHash = network.pubKeyHash();
    List<PrivateKey> voters = new ArrayList<>();
    List<Asset.Payment> payments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      voters.add(PrivateKey.fromPassphrase(prefix + " " + i));
      payments.add(
          new Asset.Payment(
              (1000L + 500 * i) * coin, recipient(address(voters.get(i), pubKeyHash), pubKeyHash)));
    }
    payments.add(new Asset.Payment(100 * coin, recipient(delegateAddress, pubKeyHash)));
    Transaction fund =
        sign(
            rich,
            nonce(api, address(rich, pubKeyHash)) + 1,
            fee(api, "multiPayment"),
            new Asset.MultiPayment(payments),
            network);
    post(api, fund);
    awaitForged(api, fund.id());
    return voters;
  }

  /** Posts {@code tx}; the node must accept it into its pool. */
  public static void post(NodeApi api, Transaction tx) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("transactions").add(TransactionJson.toJson(tx));
    NodeApi.Answer a = api.post("/transactions", body);
    assertThat(a.data().get("accept")).as(a.toString()).hasSize(1);
  }

  /** Waits (at most {@link #FORGED}) until the transaction is in a block; that block's height. */
  public static long awaitForged(NodeApi api, String id) {
    return Awaitility.await("transaction " + id + " forged")
        .atMost(FORGED)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              NodeApi.Answer a = api.get("/transactions/" + id);
              if (a.status() != 200) {
                return 0L;
              }
              return api.getOk("/blocks/" + a.data().get("blockId").asText())
                  .at("/data/height")
                  .asLong();
            },
            h -> h > 0);
  }

  /** POSTs {@code body} byte for byte (a signed document must reach the node unchanged). */
  public static HttpResponse<String> postRaw(String uri, byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
