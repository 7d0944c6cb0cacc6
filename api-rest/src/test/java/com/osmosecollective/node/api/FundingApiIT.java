package com.osmosecollective.node.api;

import static com.osmosecollective.node.funding.testing.FundingChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.funding.payout.HeightRange;
import com.osmosecollective.node.funding.payout.PayoutOptions;
import com.osmosecollective.node.funding.payout.PayoutPlan;
import com.osmosecollective.node.funding.payout.PayoutRun;
import com.osmosecollective.node.funding.payout.PayoutTransactions;
import com.osmosecollective.node.funding.payout.RecipientAmount;
import com.osmosecollective.node.funding.proposal.ProposalRegistration;
import com.osmosecollective.node.funding.testing.Documents;
import com.osmosecollective.node.funding.testing.FundingChain;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The funding routes over real HTTP on 127.0.0.1 and a real devnet chain in RocksDB: a proposal
 * registered by a delegate's IPFS transaction is posted and served (with its registration, in the
 * delegate resource, as a timestamp); an unregistered CID and malformed documents are refused; the
 * payouts endpoint equals the planner; the accounts show the promise, the payment and no difference
 * once paid.
 */
class FundingApiIT {
  @TempDir Path dir;
  private FundingChain chain;
  private Funding funding;
  private ApiHttpServer server;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    chain = FundingChain.open(dir.resolve("chain"));
    funding = Funding.of(chain.store.queries(), chain.network, dir);
    ApiServices services = TestServices.readOnly(chain.network, chain.store);
    server =
        ApiHttpServer.start(
            new java.net.InetSocketAddress("127.0.0.1", 0),
            new RestApi(services, funding),
            TestServices.settings(),
            services);
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
    chain.close();
  }

  @Test
  void aRegisteredProposalIsStoredServedAndPaidAsPlanned() throws Exception {
    PrivateKey delegateKey = chain.delegate().key();
    String username = chain.delegate().username();
    String delegateAddress = chain.address(delegateKey);
    List<PrivateKey> voters = new ArrayList<>();
    List<Asset.Payment> fundingPayments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      voters.add(PrivateKey.fromPassphrase("api voter " + i));
      fundingPayments.add(
          new Asset.Payment(
              (300L + 200 * i) * COIN, chain.addressBytes(chain.address(voters.get(i)))));
    }
    fundingPayments.add(new Asset.Payment(100 * COIN, chain.addressBytes(delegateAddress)));
    chain.forge(
        List.of(
            chain.sign(
                chain.rich(),
                chain.fee("multiPayment"),
                0,
                new Asset.MultiPayment(fundingPayments),
                null)));
    String dev = chain.address(PrivateKey.fromPassphrase("api dev"));
    byte[] document = Documents.proposal("api", 8000, Documents.shares("development", dev, 2000));
    String cid = CidV0.of(document);

    // no delegate registered it yet: refused, not kept
    HttpResponse<String> early = http.post("/api/proposals", document);
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(Http.json(early).get("error").asText()).isEqualTo("Unprocessable Entity");
    assertThat(Http.json(early).get("message").asText()).contains(cid).contains("not kept");
    assertThat(http.get("/api/proposals/" + cid).statusCode()).isEqualTo(404);

    Transaction registration =
        ProposalRegistration.build(
            cid,
            delegateKey,
            chain.wallet(delegateAddress).nonce() + 1,
            chain.network.milestones().at(chain.height() + 1),
            chain.network.pubKeyHash());
    chain.forge(List.of(registration));
    long registeredAt = chain.height();

    HttpResponse<String> posted = http.post("/api/proposals", document);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(Http.json(posted).at("/data/cid").asText()).isEqualTo(cid);

    JsonNode served = Http.json(http.get("/api/proposals/" + cid)).get("data");
    assertThat(served.get("document")).isEqualTo(Http.JSON.readTree(document));
    assertThat(served.at("/delegate/username").asText()).isEqualTo(username);
    assertThat(served.at("/transaction/id").asText()).isEqualTo(registration.id());
    assertThat(served.at("/transaction/height").asLong()).isEqualTo(registeredAt);
    assertThat(served.at("/transaction/timestamp/epoch").asLong())
        .isEqualTo(chain.store.queries().block(registeredAt).orElseThrow().timestamp());

    JsonNode list = Http.json(http.get("/api/proposals"));
    assertThat(list.at("/meta/totalCount").asLong()).isEqualTo(1);
    assertThat(list.at("/data/0/cid").asText()).isEqualTo(cid);

    JsonNode delegate = Http.json(http.get("/api/delegates/" + username)).get("data");
    assertThat(delegate.at("/proposal/cid").asText()).isEqualTo(cid);
    assertThat(delegate.at("/proposal/transaction/id").asText()).isEqualTo(registration.id());
    assertThat(delegate.at("/proposal/document/title").asText()).isEqualTo("api");
    assertThat(
            Http.json(http.get("/api/delegates/" + chain.otherDelegate().username()))
                .get("data")
                .has("proposal"))
        .isFalse();

    JsonNode stamp = Http.json(http.get("/api/timestamps/" + cid)).get("data");
    assertThat(stamp.get("hash").asText()).isEqualTo(cid);
    assertThat(stamp.get("sender").asText()).isEqualTo(delegateAddress);
    assertThat(stamp.at("/transaction/height").asLong()).isEqualTo(registeredAt);
    assertThat(http.get("/api/timestamps/" + CidV0.of(new byte[] {1})).statusCode()).isEqualTo(404);

    // votes, then blocks; the payouts endpoint equals the planner
    List<Transaction> votes = new ArrayList<>();
    for (PrivateKey v : voters) {
      votes.add(
          chain.sign(
              v,
              chain.fee("vote"),
              0,
              new Asset.Vote(
                  List.of(
                      new Asset.VoteEntry(
                          true, Bytes.of(Hex.decodeOrThrow(chain.delegate().publicKey()))))),
              null));
    }
    chain.forge(votes);
    while (chain.height() < registeredAt + 51) {
      chain.forge(List.of());
    }
    long from = registeredAt + 1;
    long to = registeredAt + 51;
    Wallet delegateWallet = chain.wallet(delegateAddress);
    PayoutPlan plan = funding.planner().plan(delegateWallet, from, to);
    assertThat(plan.recipients()).hasSizeGreaterThan(3);
    JsonNode payouts =
        Http.json(
                http.get(
                    "/api/delegates/"
                        + username
                        + "/payouts?fromHeight="
                        + from
                        + "&toHeight="
                        + to))
            .get("data");
    assertThat(payouts.at("/forged/rewards").asText()).isEqualTo(Long.toString(plan.rewards()));
    assertThat(payouts.at("/forged/fees").asText()).isEqualTo(Long.toString(plan.fees()));
    assertThat(payouts.get("promised").asText()).isEqualTo(Long.toString(plan.promised()));
    assertThat(payouts.get("remainder").asText()).isEqualTo(Long.toString(plan.remainder()));
    assertThat(payouts.get("blocks").asInt()).isEqualTo(plan.blocks().size());
    assertThat(amounts(payouts.get("recipients"))).isEqualTo(byAddress(plan.recipients()));
    assertThat(payouts.at("/recipientsPage/totalCount").asInt())
        .isEqualTo(plan.recipients().size());
    Map<String, Long> paged = new HashMap<>();
    for (int page = 1; page <= 2; page++) {
      JsonNode part =
          Http.json(
                  http.get(
                      "/api/delegates/"
                          + username
                          + "/payouts?fromHeight="
                          + from
                          + "&toHeight="
                          + to
                          + "&limit=2&page="
                          + page))
              .get("data");
      assertThat(part.get("recipients")).hasSize(2);
      assertThat(part.get("promised")).isEqualTo(payouts.get("promised"));
      paged.putAll(amounts(part.get("recipients")));
    }
    assertThat(paged).as("two pages of two recipients").isEqualTo(byAddress(plan.recipients()));
    assertThat(payouts.get("recipients"))
        .allSatisfy(r -> assertThat(r.get("toPay")).isEqualTo(r.get("amount")));
    assertThat(payouts.get("alreadyPaid")).isEmpty();
    assertThat(payouts.get("toPay").asText()).isEqualTo(Long.toString(plan.promised()));

    JsonNode before =
        Http.json(http.get("/api/delegates/" + username + "/accounts?period=1")).get("data").get(0);
    assertThat(before.get("complete").asBoolean()).isTrue();
    assertThat(before.get("fromHeight").asLong()).isEqualTo(from);
    assertThat(before.get("toHeight").asLong()).isEqualTo(to);
    assertThat(before.get("promised").asText()).isEqualTo(Long.toString(plan.promised()));
    assertThat(before.get("paid").asText()).isEqualTo("0");
    assertThat(before.get("difference").asText()).isEqualTo(Long.toString(plan.promised()));

    // the delegate pays the period; the accounts balance
    PayoutRun run =
        funding.payouts().run(username, new HeightRange(from, to), new PayoutOptions(0L, Set.of()));
    chain.forge(
        PayoutTransactions.build(
            run,
            delegateKey,
            chain.wallet(delegateAddress).nonce() + 1,
            chain.network.milestones().at(chain.height() + 1),
            chain.network.pubKeyHash()));
    JsonNode after =
        Http.json(http.get("/api/delegates/" + username + "/accounts?period=1")).get("data").get(0);
    assertThat(after.get("paid").asText()).isEqualTo(Long.toString(plan.promised()));
    assertThat(after.get("difference").asText()).isEqualTo("0");
    assertThat(after.get("recipients"))
        .allSatisfy(line -> assertThat(line.get("difference").asText()).isEqualTo("0"));
    assertThat(after.at("/payouts/0/memo").asText())
        .isEqualTo("osmose payout " + username + " " + from + "-" + to);
    JsonNode paidAgain =
        Http.json(
                http.get(
                    "/api/delegates/"
                        + username
                        + "/payouts?fromHeight="
                        + from
                        + "&toHeight="
                        + to))
            .get("data");
    assertThat(paidAgain.get("alreadyPaid")).hasSize(1);
    assertThat(paidAgain.get("unpaid")).isEmpty();
    assertThat(paidAgain.get("toPay").asText()).isEqualTo("0");

    JsonNode lines =
        Http.json(http.get("/api/delegates/" + username + "/accounts?period=1&limit=3&page=2"));
    assertThat(lines.at("/meta/totalCount").asInt()).isEqualTo(plan.recipients().size());
    assertThat(lines.at("/data/0/recipients")).hasSize(plan.recipients().size() - 3);
    JsonNode periods = Http.json(http.get("/api/delegates/" + username + "/accounts"));
    assertThat(periods.at("/data/1/recipientCount").asInt()).isEqualTo(plan.recipients().size());
    assertThat(periods.at("/data/1").has("recipients")).as("lines only for one period").isFalse();
    assertThat(periods.at("/meta/totalCount").asLong()).isEqualTo(2);
    assertThat(periods.at("/data/0/period").asLong()).isEqualTo(2);
    assertThat(periods.at("/data/0/complete").asBoolean()).isFalse();
    assertThat(periods.at("/data/1/period").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("malformed and oversized proposals are refused naming the field (SV-033)")
  void malformedProposalsAreRefusedNamingTheField() throws Exception {
    String dev = chain.address(PrivateKey.fromPassphrase("api dev"));
    ObjectNode badAddress =
        (ObjectNode)
            Http.JSON.readTree(
                Documents.proposal(
                    "bad",
                    8000,
                    Documents.shares("development", "D" + dev.substring(1, 20), 2000)));
    expect422(Http.JSON.writeValueAsBytes(badAddress), "split[1].address");

    ObjectNode noTitle =
        (ObjectNode)
            Http.JSON.readTree(
                Documents.proposal("x", 8000, Documents.shares("development", dev, 2000)));
    noTitle.remove("title");
    expect422(Http.JSON.writeValueAsBytes(noTitle), "title");

    ObjectNode badSum =
        (ObjectNode)
            Http.JSON.readTree(
                Documents.proposal("x", 7000, Documents.shares("development", dev, 2000)));
    expect422(Http.JSON.writeValueAsBytes(badSum), "split: percentages sum to 90");

    HttpResponse<String> notJson =
        http.post("/api/proposals", "{\"title\":".getBytes(StandardCharsets.UTF_8));
    assertThat(notJson.statusCode()).isEqualTo(422);
    assertThat(Http.json(notJson).get("message").asText())
        .isEqualTo("Invalid request payload JSON format");

    ObjectNode big =
        (ObjectNode)
            Http.JSON.readTree(
                Documents.proposal("x", 8000, Documents.shares("development", dev, 2000)));
    big.put("description", "x".repeat(70_000));
    HttpResponse<String> tooLarge = http.post("/api/proposals", Http.JSON.writeValueAsBytes(big));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(Http.json(tooLarge).get("message").asText()).contains("65536");
    assertThat(funding.proposals().all()).isEmpty();
  }

  @Test
  @DisplayName("payout and account parameters are bounded (SV-014)")
  void payoutParametersAreBounded() throws Exception {
    for (int i = 0; i < 4; i++) {
      chain.forge(List.of());
    }
    String base = "/api/delegates/" + chain.delegate().username();
    long tip = chain.height();
    expectError(base + "/payouts?toHeight=3", 422, "\"fromHeight\" is required");
    expectError(base + "/payouts?fromHeight=1&toHeight=3", 422, "greater than or equal to 2");
    expectError(base + "/payouts?fromHeight=3&toHeight=2", 422, "ref:fromHeight");
    expectError(
        base + "/payouts?fromHeight=2&toHeight=" + (tip + 1), 422, "less than or equal to " + tip);
    expectError(base + "/payouts?fromHeight=2&toHeight=x", 422, "\"toHeight\" must be a number");
    expectError(base + "/payouts?fromHeight=2&toHeight=3&limit=101", 422, "\"limit\" must be less");
    expectError(base + "/payouts?fromHeight=2&toHeight=3&sort=x", 422, "\"sort\" is not allowed");
    expectError("/api/delegates/nobody/payouts?fromHeight=2&toHeight=3", 404, "Wallet not found");
    expectError(base + "/accounts", 404, "registered no proposal");
    expectError(base + "/accounts?limit=21", 422, "\"limit\" must be less than or equal");
    JsonNode empty =
        Http.json(http.get(base + "/payouts?fromHeight=2&toHeight=" + tip)).get("data");
    assertThat(empty.get("promised").asText()).isEqualTo("0");
    assertThat(empty.get("remainder").asText()).isEqualTo(empty.at("/forged/total").asText());
  }

  @Test
  void everyFundingRouteIsInTheTable() {
    RestApi api = new RestApi(TestServices.readOnly(chain.network, chain.store), funding);
    assertThat(
            api.routes().stream()
                .map(r -> r.method() + " " + r.template())
                .filter(FundingRoutes.ROUTES::contains))
        .hasSameSizeAs(FundingRoutes.ROUTES);
  }

  private void expect422(byte[] body, String field) throws Exception {
    HttpResponse<String> r = http.post("/api/proposals", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(Http.json(r).get("error").asText()).isEqualTo("Unprocessable Entity");
    assertThat(Http.json(r).get("message").asText()).startsWith(field);
  }

  private void expectError(String path, int status, String message) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
    assertThat(Http.json(r).get("message").asText()).as(path).contains(message);
  }

  private static Map<String, Long> amounts(JsonNode recipients) {
    Map<String, Long> out = new HashMap<>();
    recipients.forEach(r -> out.put(r.get("address").asText(), r.get("amount").asLong()));
    return out;
  }

  private static Map<String, Long> byAddress(List<RecipientAmount> recipients) {
    Map<String, Long> out = new HashMap<>();
    recipients.forEach(r -> out.put(r.address(), r.amount()));
    return out;
  }
}
