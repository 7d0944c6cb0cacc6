package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonShapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.AllTypesChain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint against a devnet chain holding every transaction type (consensus-dpos' {@code
 * AllTypesChain}, plus one lock left open and one transfer waiting in the pool), compared key by
 * key with the answers of a real ARK Core 3.9.1 node ({@code testdata/ark-samples}): the
 * transactions type by type (with ARK's recording where it has one of the type, else with the
 * fields ARK's transaction resource and deserializer give that type); every error of the samples
 * gives ARK's status, error name and message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllTypesApiIT {
  /**
   * ARK's transformed transaction fields in its resource's order (core-api TransactionResource).
   */
  private static final List<String> RESOURCE_ORDER =
      List.of(
          "id",
          "blockId",
          "version",
          "type",
          "typeGroup",
          "amount",
          "fee",
          "sender",
          "senderPublicKey",
          "recipient",
          "signature",
          "signSignature",
          "signatures",
          "vendorField",
          "asset",
          "confirmations",
          "timestamp",
          "nonce");

  /** ARK's raw fields in the order its deserializer sets them, then what its database adds. */
  private static final List<String> RAW_ORDER =
      List.of(
          "version",
          "network",
          "typeGroup",
          "type",
          "nonce",
          "senderPublicKey",
          "fee",
          "amount",
          "vendorField",
          "expiration",
          "recipientId",
          "asset",
          "signature",
          "secondSignature",
          "signatures",
          "id",
          "blockId",
          "blockHeight",
          "sequence");

  /** ARK's recordings of a transaction of the type (by our chain's names), where one exists. */
  private static final Map<String, String> RECORDED =
      Map.of(
          "transfer", "tx_get_transfer.json",
          "fundingMultiPayment", "tx_get_multipayment.json",
          "multiPayment", "tx_get_multipayment.json",
          "delegateRegistration", "tx_get_delegate_registration.json",
          "vote", "tx_get_vote.json");

  /** ARK lock resource fields (core-api resources-new/lock.ts) in its order. */
  private static final List<String> LOCK_ORDER =
      List.of(
          "lockId",
          "senderPublicKey",
          "isExpired",
          "amount",
          "secretHash",
          "recipientId",
          "timestamp",
          "expirationType",
          "expirationValue",
          "vendorField");

  @TempDir static Path dir;
  private AllTypesChain chain;
  private ChainPool pool;
  private ApiHttpServer server;
  private Http http;
  private Transaction openLock;
  private Transaction pending;
  private final Set<String> exercised = new LinkedHashSet<>();

  @BeforeAll
  void start() throws Exception {
    chain = AllTypesChain.build(dir);
    // one lock left open for the lock routes
    openLock =
        chain.sign(
            chain.locker(),
            100_000_000L,
            5 * 100_000_000L,
            new Asset.HtlcLock(
                Bytes.of(Hashes.sha256(AllTypesChain.claimSecret())),
                2,
                chain.chain().snapshot().height() + 1000,
                Bytes.of(
                    Address.payloadFromPublicKey(
                        chain.claimer().publicKey(), chain.network().pubKeyHash()))),
            0);
    chain.forge(openLock);
    NetworkTime time = new NetworkTime(chain.network().epoch(), chain.clock());
    pool =
        ChainPool.attach(
            chain.chain(), chain.network(), chain.store(), time, PoolConfig.defaults());
    ApiServices services =
        new ApiServices(
            chain.network(),
            chain.store().queries(),
            PendingTransactions.of(pool, ForkJoinPool.commonPool()),
            PoolConfig.defaults(),
            NetworkView.none(),
            time::now,
            new SimpleMeterRegistry(),
            4001,
            4003);
    server =
        ApiHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new RestApi(services),
            TestServices.settings(),
            services);
    http = new Http(server);
    long height = chain.chain().snapshot().height();
    pending =
        chain.sign(
            chain.funded(2),
            chain
                .network()
                .milestones()
                .at(height + 1)
                .staticFee(
                    TransactionType.TRANSFER.feeKey(), TransactionType.TRANSFER.defaultStaticFee()),
            7 * 100_000_000L,
            new Asset.Transfer(
                0,
                Bytes.of(
                    Address.payloadFromPublicKey(
                        chain.claimer().publicKey(), chain.network().pubKeyHash()))),
            0);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void everyTransactionTypeIsArksResourceTypeByType() throws Exception {
    Map<String, Transaction> txs = chain.transactions();
    assertThat(txs.values().stream().map(Transaction::type).distinct())
        .containsExactlyInAnyOrder(TransactionType.values());
    for (Map.Entry<String, Transaction> e : txs.entrySet()) {
      String name = e.getKey();
      Transaction tx = e.getValue();
      JsonNode data = ok("/api/transactions/" + tx.id()).get("data");
      if (RECORDED.containsKey(name)) {
        assertSameShape(data, ArkSamples.load(RECORDED.get(name)).get("data"));
      }
      assertThat(JsonShapes.names(data)).as(name).isEqualTo(expectedResourceKeys(tx));
      JsonNode asset = data.get("asset");
      assertThat(asset == null ? null : arkAssetShape(asset))
          .as(name + " asset")
          .isEqualTo(arkAssetShape(tx));
      assertThat(data.get("type").asInt()).isEqualTo(tx.type().code());
      // the same transaction in its type's list and in the untransformed row
      JsonNode ofType =
          ok("/api/transactions?typeGroup=1&type=" + tx.type().code() + "&limit=100").get("data");
      assertThat(ofType.findValuesAsText("id")).as(name).contains(tx.id());
      JsonNode raw = ok("/api/transactions/" + tx.id() + "?transform=false").get("data");
      assertThat(JsonShapes.names(raw)).as(name + " raw").isEqualTo(expectedRawKeys(tx));
    }
    // the chain's vote and switch vote through the vote routes: ARK's plain resource there
    JsonNode arkVote = ArkSamples.load("votes_limit2.json").at("/data/0");
    for (String name : List.of("vote", "switchVote")) {
      JsonNode one = ok("/api/votes/" + txs.get(name).id()).get("data");
      assertSameShape(one, arkVote);
      assertThat(one.get("confirmations").asInt()).isZero();
    }
    assertThat(status("/api/votes/" + txs.get("transfer").id())).isEqualTo(404);
  }

  @Test
  void everyListAndResourceRouteIsInArksShape() throws Exception {
    Map<String, Transaction> txs = chain.transactions();
    String voter = chain.address(chain.funded(0));
    String delegate = Hex.encode(chain.newcomer().publicKey());
    String forger = chain.store().queries().block(2).orElseThrow().generatorPublicKey();
    // state-dependent: ranks, last blocks, votes, and for wallets whether it is a delegate at all
    // and whether its public key is known (a wallet that only ever received has none)
    Set<String> delegateOptional =
        Set.of("rank", "last", "round", "lastBlock", "vote", "resigned", "delegate", "publicKey");

    assertSameShape(ok("/api/blockchain"), ArkSamples.load("blockchain.json"));
    assertList("/api/blocks?limit=2", "blocks_limit2.json", Set.of("username"));
    assertSameShape(
        ok("/api/blocks/first"), ArkSamples.load("blocks_first.json"), Set.of("username"));
    assertSameShape(
        ok("/api/blocks/last"), ArkSamples.load("blocks_last.json"), Set.of("username"));
    assertSameShape(
        ok("/api/blocks/" + chain.store().queries().block(4).orElseThrow().id()),
        ArkSamples.load("blocks_latest_by_id.json"),
        Set.of("username"));
    JsonNode blockTxs = ok("/api/blocks/4/transactions");
    JsonNode recordedBlockTxs = ArkSamples.load("tx_block_transactions.json");
    assertSameShape(blockTxs.get("meta"), recordedBlockTxs.get("meta"));
    // block 4: the funding multi-payment and the transfer; ARK's: a transfer and a multi-payment
    assertSameShape(blockTxs.at("/data/0"), recordedBlockTxs.at("/data/1"));
    assertSameShape(blockTxs.at("/data/1"), recordedBlockTxs.at("/data/0"));
    assertList("/api/delegates?limit=3", "delegates_limit3.json", delegateOptional);
    assertSameShape(
        ok("/api/delegates/" + forger),
        ArkSamples.load("delegates_by_username.json"),
        delegateOptional);
    assertList(
        "/api/delegates/"
            + Hex.encode(chain.plan().delegates().get(0).key().publicKey())
            + "/voters",
        "delegates_voters.json",
        delegateOptional);
    // ARK's delegate had forged nothing yet: its blocks are compared with ARK's block list
    JsonNode forged = ok("/api/delegates/" + forger + "/blocks?limit=2");
    assertSameShape(forged.get("meta"), ArkSamples.load("delegates_blocks.json").get("meta"));
    assertThat(forged.get("data")).isNotEmpty();
    for (JsonNode b : forged.get("data")) {
      assertSameShape(b, ArkSamples.load("blocks_limit2.json").at("/data/0"), Set.of("username"));
    }
    assertSameShape(ok("/api/node/status"), ArkSamples.load("node_status.json"));
    assertSameShape(ok("/api/node/syncing"), ArkSamples.load("node_syncing.json"));
    // the milestone in force keeps the network file's key order, as ARK's does; ARK's keys are all
    // there (also the ones the file leaves to defaults)
    ObjectNode configuration = (ObjectNode) ok("/api/node/configuration").get("data").deepCopy();
    ObjectNode arkConfiguration =
        (ObjectNode) ArkSamples.load("node_configuration.json").get("data").deepCopy();
    assertThat(JsonShapes.names(configuration.remove("constants")))
        .containsAll(JsonShapes.names(arkConfiguration.remove("constants")));
    assertSameShape(
        configuration,
        arkConfiguration,
        // ARK 3.9.1 answered "ports": {} (its lookup misses its own plugins' ports); ours are set
        // with dynamic fees off, ARK publishes only the flag (this pool's default)
        Set.of(
            "explorer",
            "@arkecosystem/core-p2p",
            "@arkecosystem/core-api",
            "minFeePool",
            "minFeeBroadcast",
            "addonBytes"));
    JsonNode crypto = ok("/api/node/configuration/crypto").get("data");
    JsonNode arkCrypto = ArkSamples.load("node_configuration_crypto.json").get("data");
    assertThat(JsonShapes.names(crypto)).isEqualTo(JsonShapes.names(arkCrypto));
    // the network object is the file's, as written (the devnet file also records its premine)
    assertSameShape(crypto.get("network"), arkCrypto.get("network"), Set.of("premine"));
    for (JsonNode m : crypto.get("milestones")) {
      assertThat(JsonShapes.names(m)).containsAll(JsonShapes.names(arkCrypto.at("/milestones/2")));
    }
    JsonNode fees = ok("/api/node/fees");
    JsonNode arkFees = ArkSamples.load("node_fees.json");
    assertSameShape(fees.get("meta"), arkFees.get("meta"));
    // ARK's statistics: decimal strings for a type with transactions in the window, 0 numbers
    // for a type without (its transfer and its second signature entries show both)
    assertThat(JsonShapes.names(fees.at("/data/1")))
        .isEqualTo(JsonShapes.names(arkFees.at("/data/1")));
    for (JsonNode entry : fees.at("/data/1")) {
      boolean none = entry.get("sum").isNumber();
      assertSameShape(entry, arkFees.at(none ? "/data/1/secondSignature" : "/data/1/transfer"));
      if (none) {
        assertThat(entry.findValues("sum")).allMatch(v -> v.asLong() == 0);
      }
    }
    assertSameShape(ok("/api/peers"), ArkSamples.load("peers.json"));
    assertThat(error("/api/peers/10.0.0.1", 404).get("message").asText())
        .isEqualTo("Peer not found");
    assertSameShape(ok("/api/rounds/1/delegates"), ArkSamples.load("rounds_1_delegates.json"));
    JsonNode list = ok("/api/transactions?limit=2");
    assertSameShape(list.get("meta"), ArkSamples.load("transactions_limit2.json").get("meta"));
    JsonNode types = ok("/api/transactions/types").get("data");
    assertThat(types.get("1")).isEqualTo(ArkSamples.load("transactions_types.json").at("/data/1"));
    assertThat(types.has("2")).as("no magistrate types: this node does not run them").isFalse();
    assertThat(ok("/api/transactions/schemas").at("/data/1"))
        .isEqualTo(ArkSamples.load("transactions_schemas.json").at("/data/1"));
    assertSameShape(
        ok("/api/transactions/fees").at("/data/1"),
        ArkSamples.load("transactions_fees.json").at("/data/1"));
    assertList("/api/votes?limit=2", "votes_limit2.json", Set.of());
    assertList("/api/wallets?limit=3", "wallets_limit3.json", delegateOptional);
    assertList("/api/wallets/top?limit=3", "wallets_top.json", delegateOptional);
    assertSameShape(
        ok("/api/wallets/" + chain.plan().delegates().get(0).address(chain.network().pubKeyHash())),
        ArkSamples.load("wallets_by_address.json"),
        delegateOptional);
    assertSameShape(
        ok("/api/wallets/" + chain.address(chain.newcomer())),
        ArkSamples.load("tx_wallet_after.json"),
        delegateOptional);
    assertSameShape(
        ok("/api/delegates/" + delegate),
        ArkSamples.load("tx_delegate_after.json"),
        delegateOptional);
    for (String which : List.of("transactions", "transactions/sent", "transactions/received")) {
      JsonNode page = ok("/api/wallets/" + voter + "/" + which + "?limit=2");
      assertSameShape(page.get("meta"), ArkSamples.load("wallets_transactions.json").get("meta"));
      assertThat(page.get("data")).isNotEmpty();
    }
    assertList("/api/wallets/" + voter + "/votes?limit=2", "wallets_votes.json", Set.of());
    assertThat(ok("/api/wallets/" + voter + "/votes").get("data").findValuesAsText("id"))
        .containsExactly(txs.get("switchVote").id(), txs.get("vote").id());
  }

  @Test
  void locksAreArksLockResource() throws Exception {
    JsonNode all = ok("/api/locks");
    assertThat(all.get("data").findValuesAsText("lockId")).containsExactly(openLock.id());
    JsonNode lock = all.at("/data/0");
    List<String> keys = JsonShapes.names(lock);
    assertThat(keys).isEqualTo(LOCK_ORDER.subList(0, LOCK_ORDER.size() - 1));
    assertThat(JsonShapes.names(lock.get("timestamp"))).containsExactly("epoch", "unix", "human");
    assertThat(lock.get("isExpired").asBoolean()).isFalse();
    assertThat(ok("/api/locks/" + openLock.id()).get("data")).isEqualTo(lock);
    assertThat(
            ok("/api/wallets/" + chain.address(chain.locker()) + "/locks")
                .get("data")
                .findValuesAsText("lockId"))
        .containsExactly(openLock.id());
    // the settled locks are gone from the locks and found through their claim and refund
    Map<String, Transaction> txs = chain.transactions();
    assertThat(error("/api/locks/" + txs.get("htlcLock").id(), 404).get("message").asText())
        .isEqualTo("Lock not found");
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("ids").add(txs.get("htlcLock").id()).add(txs.get("refundableLock").id());
    HttpResponse<String> unlocked =
        http.post("/api/locks/unlocked", Http.JSON.writeValueAsBytes(body));
    exercised.add("POST /api/locks/unlocked");
    assertThat(unlocked.statusCode()).isEqualTo(200);
    JsonNode settled = Http.json(unlocked);
    assertThat(settled.get("data").findValuesAsText("id"))
        .containsExactly(txs.get("htlcRefund").id(), txs.get("htlcClaim").id());
    for (JsonNode tx : settled.get("data")) {
      Transaction source =
          tx.get("id").asText().equals(txs.get("htlcRefund").id())
              ? txs.get("htlcRefund")
              : txs.get("htlcClaim");
      assertThat(JsonShapes.names(tx)).isEqualTo(expectedResourceKeys(source));
    }
  }

  @Test
  void submissionsEnterThePoolAndShowAsArksUnconfirmedTransactions() throws Exception {
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("transactions").add(TransactionJson.toJson(pending));
    HttpResponse<String> posted = http.post("/api/transactions", Http.JSON.writeValueAsBytes(body));
    exercised.add("POST /api/transactions");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    JsonNode answer = Http.json(posted);
    JsonNode arkAnswer = ArkSamples.load("tx_post_transfer_and_multipayment.json").get("response");
    assertSameShape(answer, arkAnswer, Set.of("errors"));
    assertThat(answer.at("/data/accept/0").asText()).isEqualTo(pending.id());
    // the same again is ARK's duplicate answer (its errors are keyed by transaction id)
    HttpResponse<String> again = http.post("/api/transactions", Http.JSON.writeValueAsBytes(body));
    JsonNode duplicate = Http.json(again);
    JsonNode arkDuplicate = ArkSamples.load("tx_post_duplicate.json").get("response");
    assertSameShape(duplicate.get("data"), arkDuplicate.get("data"));
    assertThat(JsonShapes.names(duplicate.get("errors"))).containsExactly(pending.id());
    JsonNode arkError = arkDuplicate.get("errors").elements().next();
    JsonNode error = duplicate.at("/errors/" + pending.id());
    assertThat(error.get("type")).isEqualTo(arkError.get("type"));
    // ARK: "<sender>#<nonce> <last 8 of the id> Transfer v2 is already in pool"
    assertThat(error.get("message").asText())
        .isEqualTo(
            chain.address(chain.funded(2))
                + "#"
                + pending.nonce()
                + " "
                + pending.id().substring(56)
                + " Transfer v2 is already in pool");
    assertThat(arkError.get("message").asText()).endsWith(" Transfer v2 is already in pool");

    JsonNode unconfirmed = ok("/api/transactions/unconfirmed");
    JsonNode arkPool = ArkSamples.load("tx_unconfirmed_pool.json");
    // ARK's pending transfer carried a vendor field, this one none
    assertSameShape(unconfirmed, arkPool, Set.of("vendorField"));
    assertThat(unconfirmed.get("data").findValuesAsText("id")).containsExactly(pending.id());
    assertSameShape(
        ok("/api/transactions/unconfirmed/" + pending.id() + "?transform=true").get("data"),
        arkPool.at("/data/0"),
        Set.of("vendorField"));
    assertSameShape(
        ok("/api/transactions/unconfirmed?limit=2"),
        ArkSamples.load("transactions_unconfirmed.json"));
  }

  /** Every error ARK recorded: same status, error name and message for the same request. */
  @Test
  void everyErrorOfTheSamplesIsArks() throws Exception {
    Map<String, String> gets = new LinkedHashMap<>();
    gets.put("/api/blocks?limit=1000", "err_blocks_limit_too_big.json");
    gets.put("/api/blocks/notfound", "err_blocks_notfound.json");
    gets.put("/api/transactions/" + "0".repeat(64), "err_transactions_notfound.json");
    gets.put("/api/wallets/bad", "err_wallets_bad.json");
    gets.put("/api", "root.json");
    for (Map.Entry<String, String> e : gets.entrySet()) {
      assertThat(ArkSamples.requestPath(e.getValue())).isEqualTo(e.getKey());
      JsonNode expected = ArkSamples.load(e.getValue());
      HttpResponse<String> r = http.get(e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(expected.get("statusCode").asInt());
      assertThat(Http.json(r)).as(e.getKey()).isEqualTo(expected);
    }
    Map<String, byte[]> posts = new LinkedHashMap<>();
    posts.put("err_post_transactions_not_json.json", "not json".getBytes(StandardCharsets.UTF_8));
    posts.put(
        "err_post_transactions_garbage_json.json", "{\"foo\":1}".getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> e : posts.entrySet()) {
      HttpResponse<String> r = http.post("/api/transactions", e.getValue());
      assertThat(Http.json(r)).as(e.getKey()).isEqualTo(ArkSamples.load(e.getKey()));
      assertThat(r.statusCode()).isEqualTo(422);
    }
    // a transaction breaking ARK's schema: ARK's status and error name (AJV lists every broken
    // rule)
    ObjectNode bad = Http.JSON.createObjectNode();
    ObjectNode tx = bad.putArray("transactions").addObject();
    tx.put("senderPublicKey", "00").put("fee", "x").put("amount", "y").put("type", 0);
    HttpResponse<String> r = http.post("/api/transactions", Http.JSON.writeValueAsBytes(bad));
    JsonNode expected = ArkSamples.load("err_post_transactions_bad_tx.json");
    assertThat(r.statusCode()).isEqualTo(expected.get("statusCode").asInt());
    assertThat(Http.json(r).get("error")).isEqualTo(expected.get("error"));
    // ARK's rate limit: 100 requests a minute per IP, then 429 in its shape
    ApiHttpServer limited =
        ApiHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new RestApi(TestServices.readOnly(chain.network(), chain.store())),
            ApiServerSettings.defaults().withRateLimit(100, 60, Set.of()),
            TestServices.readOnly(chain.network(), chain.store()));
    try {
      Http client = new Http(limited);
      int last = 0;
      for (int i = 0; i < 101; i++) {
        last = client.get("/api/blockchain").statusCode();
      }
      HttpResponse<String> refused = client.get("/api/blockchain");
      assertThat(last).isEqualTo(429);
      assertThat(Http.json(refused)).isEqualTo(ArkSamples.load("err_rate_limited_429.json"));
    } finally {
      limited.close();
    }
  }

  /**
   * Each route of the table was requested by the tests above (they record their requests; this one
   * runs last).
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void everyRouteIsCovered() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Route route :
        new RestApi(TestServices.readOnly(chain.network(), chain.store())).routes()) {
      String key = route.method() + " " + route.template();
      if (FundingRoutes.ROUTES.contains(key)) {
        continue; // not ARK's: FundingApiIT requests them
      }
      boolean hit =
          exercised.stream()
              .anyMatch(
                  e ->
                      e.startsWith(route.method() + " ")
                          && matches(route.template(), e.substring(e.indexOf(' ') + 1)));
      if (!hit) {
        missing.add(key);
      }
    }
    assertThat(missing).as("routes no test above requested").isEmpty();
  }

  private static boolean matches(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = path.split("\\?", 2)[0].split("/", -1);
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }

  /** The resource fields ARK prints for this transaction, in its order. */
  private static List<String> expectedResourceKeys(Transaction tx) {
    List<String> out = new ArrayList<>();
    for (String key : RESOURCE_ORDER) {
      boolean present =
          switch (key) {
            case "signature" -> tx.signature() != null;
            case "signSignature" -> tx.secondSignature() != null;
            case "signatures" -> !tx.signatures().isEmpty();
            case "vendorField" -> tx.vendorField() != null;
            case "asset" -> arkAssetShape(tx) != null;
            default -> true;
          };
      if (present) {
        out.add(key);
      }
    }
    return out;
  }

  /** The raw row fields ARK's deserializer and database give this transaction, in their order. */
  private static List<String> expectedRawKeys(Transaction tx) {
    boolean transfer = tx.asset() instanceof Asset.Transfer;
    boolean lock = tx.asset() instanceof Asset.HtlcLock;
    List<String> out = new ArrayList<>();
    for (String key : RAW_ORDER) {
      boolean present =
          switch (key) {
            case "vendorField" -> tx.vendorField() != null;
            case "expiration" -> transfer;
            case "recipientId" -> transfer || lock;
            case "asset" -> arkAssetShape(tx) != null;
            case "signature" -> tx.signature() != null;
            case "secondSignature" -> tx.secondSignature() != null;
            case "signatures" -> !tx.signatures().isEmpty();
            default -> true;
          };
      if (present) {
        out.add(key);
      }
    }
    return out;
  }

  /**
   * The asset ARK's deserializer builds for the type (crypto's transactions/types/*: key names and
   * order), as a shape; null for types without one.
   */
  private static String arkAssetShape(Transaction tx) {
    return switch (tx.type()) {
      case TRANSFER, DELEGATE_RESIGNATION -> null;
      case SECOND_SIGNATURE -> "{signature:{publicKey:string}}";
      case DELEGATE_REGISTRATION -> "{delegate:{username:string}}";
      case VOTE -> "{votes:[string]}";
      case MULTI_SIGNATURE -> "{multiSignature:{publicKeys:[string],min:number}}";
      case IPFS -> "{ipfs:string}";
      case MULTI_PAYMENT -> "{payments:[{amount:string,recipientId:string}]}";
      case HTLC_LOCK -> "{lock:{secretHash:string,expiration:{type:number,value:number}}}";
      case HTLC_CLAIM -> "{claim:{lockTransactionId:string,unlockSecret:string}}";
      case HTLC_REFUND -> "{refund:{lockTransactionId:string}}";
    };
  }

  /** The shape of a JSON value in the notation above (array items by their first). */
  private static String arkAssetShape(JsonNode v) {
    if (v.isObject()) {
      StringBuilder b = new StringBuilder("{");
      for (String k : JsonShapes.names(v)) {
        b.append(b.length() > 1 ? "," : "").append(k).append(':').append(arkAssetShape(v.get(k)));
      }
      return b.append('}').toString();
    }
    if (v.isArray()) {
      return "[" + (v.isEmpty() ? "" : arkAssetShape(v.get(0))) + "]";
    }
    return JsonShapes.kind(v);
  }

  private void assertList(String path, String sample, Set<String> optional) throws Exception {
    JsonNode body = ok(path);
    JsonNode recorded = ArkSamples.load(sample);
    assertSameShape(body.get("meta"), recorded.get("meta"));
    assertThat(body.get("data")).as(path).isNotEmpty();
    for (JsonNode item : body.get("data")) {
      assertSameShape(item, recorded.at("/data/0"), optional);
    }
  }

  private JsonNode ok(String path) throws Exception {
    exercised.add("GET " + path);
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Http.json(r);
  }

  private JsonNode error(String path, int status) throws Exception {
    exercised.add("GET " + path);
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return Http.json(r);
  }

  private int status(String path) throws Exception {
    exercised.add("GET " + path);
    return http.get(path).statusCode();
  }
}
