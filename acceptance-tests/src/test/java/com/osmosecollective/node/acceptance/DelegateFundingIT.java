package com.osmosecollective.node.acceptance;

import static com.osmosecollective.node.acceptance.dsl.WalletSteps.FORGED;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.address;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.awaitForged;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.balance;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.fee;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.fundVotersAndDelegate;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.post;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.postRaw;
import static com.osmosecollective.node.acceptance.dsl.WalletSteps.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import com.osmosecollective.node.acceptance.dsl.NodeApi;
import com.osmosecollective.node.acceptance.dsl.OsmoseProcess;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.genesis.GenesisPlan;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Funding by DPoS end to end on a real {@code osmose devnet} process (3 active delegates, 2 s
 * blocks): a delegate registers its proposal with {@code osmose delegate proposal --broadcast}, the
 * document is posted to {@code /api/proposals}, voters vote; {@code osmose delegate payout
 * --broadcast} pays the proposal's first period; once forged, every recipient's balance has risen
 * by exactly the planned amount, a second run builds nothing, and the open accounts show no
 * difference (in the API and in {@code osmose delegate status}).
 */
class DelegateFundingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long COIN = 100_000_000L;
  // as in AutomaticPayoutsIT: the votes are forged in the period's first blocks, and the delegate
  // forges every third block
  private static final int PERIOD_BLOCKS = 12;

  @TempDir Path dir;

  @Test
  void theCliPaysWhatThePlannerPromisedAndTheAccountsBalance() throws Exception {
    Path data = dir.resolve("devnet").resolve("data");
    Files.createDirectories(data);
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ((ObjectNode) root.get("network")).put(Network.LOCAL_DEVNET, true);
    ObjectNode first = (ObjectNode) root.withArray("milestones").get(0);
    first.put("blocktime", Cluster.BLOCKTIME);
    first.put("activeDelegates", 3); // the delegate under test forges every third block
    GenesisPlan plan = DevnetNetworkFile.withGenesis(root);
    Path networkFile = data.resolve(DevnetNetworkFile.FILE_NAME);
    JSON.writerWithDefaultPrettyPrinter().writeValue(networkFile.toFile(), root);
    Network network = new NetworkLoader().loadFile(networkFile);
    int pubKeyHash = network.pubKeyHash();

    try (Cluster cluster = Cluster.in(dir)) {
      Node devnet = cluster.devnet("devnet").args("--no-p2p", "--new-chain").start();
      NodeApi api = devnet.api();
      String url = api.base().toString().replaceAll("/+$", "");
      devnet.awaitHeight(2, FORGED);

      // the lowest public key stays among the 3 forging delegates (ties are broken by key)
      GenesisAccount delegate =
          plan.delegates().stream()
              .min(Comparator.comparing(GenesisAccount::publicKey))
              .orElseThrow();
      String delegateAddress = delegate.address(pubKeyHash);
      PrivateKey rich = plan.funded().get(0).key();
      // the delegate pays the registration's and the payouts' fees
      List<PrivateKey> voters =
          fundVotersAndDelegate(api, network, rich, "funding voter", delegateAddress);

      // the proposal: 80 % to the voters, 20 % development, paid every 24 blocks
      String dev = address(PrivateKey.fromPassphrase("funding development"), pubKeyHash);
      ObjectNode proposal = JSON.createObjectNode();
      proposal.put("title", "Funding IT");
      proposal.put("description", "voters and development");
      proposal.putArray("missions").addObject().put("name", "write the node");
      ArrayNode split = proposal.putArray("split");
      split
          .addObject()
          .put("name", "voters")
          .put("voters", true)
          .put("percent", new BigDecimal("80"));
      split.addObject().put("name", "development").put("address", dev).put("percent", 20);
      proposal.putObject("payoutPeriod").put("blocks", PERIOD_BLOCKS);
      proposal.put("minimumPayout", "1");
      byte[] document = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(proposal);
      Path proposalFile = dir.resolve("proposal.json");
      Files.write(proposalFile, document);
      Path secrets = data.resolve("delegates.secrets");

      Cli register =
          cli(
              "delegate",
              "proposal",
              "--file",
              proposalFile.toString(),
              "--secrets",
              secrets.toString(),
              "--delegate",
              delegateAddress,
              "--network",
              networkFile.toString(),
              "--broadcast",
              url);
      assertThat(register.exit()).as(register.output()).isZero();
      String cid = group(Pattern.compile("CID: (Qm\\w+)"), register.output());
      String registrationId =
          group(Pattern.compile("registration transaction ([0-9a-f]{64})"), register.output());
      assertThat(register.output()).contains("1 accepted");
      long registeredAt = awaitForged(api, registrationId);
      assertThat(api.getOk("/timestamps/" + cid).at("/data/sender").asText())
          .isEqualTo(delegateAddress);

      HttpResponse<String> stored = postRaw(url + "/api/proposals", document);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

      List<String> votes = new ArrayList<>();
      for (PrivateKey v : voters) {
        Transaction vote =
            sign(
                v,
                1,
                fee(api, "vote"),
                new Asset.Vote(
                    List.of(
                        new Asset.VoteEntry(
                            true, Bytes.of(Hex.decodeOrThrow(delegate.publicKey()))))),
                network);
        post(api, vote);
        votes.add(vote.id());
      }
      for (String id : votes) {
        awaitForged(api, id);
      }

      long from = registeredAt + 1;
      long to = registeredAt + PERIOD_BLOCKS;
      devnet.awaitHeight(to + 1, Cluster.blocktimes(PERIOD_BLOCKS).plusSeconds(60));
      String delegatePath = "/delegates/" + delegate.username();
      JsonNode planned =
          api.getOk(delegatePath + "/payouts?fromHeight=" + from + "&toHeight=" + to).get("data");
      Map<String, Long> owed = new HashMap<>();
      planned
          .get("recipients")
          .forEach(r -> owed.put(r.get("address").asText(), r.get("amount").asLong()));
      assertThat(owed).containsKey(dev);
      for (PrivateKey v : voters) {
        assertThat(owed).containsKey(address(v, pubKeyHash));
      }
      assertThat(planned.get("toPay").asLong())
          .isEqualTo(planned.get("promised").asLong())
          .isPositive();
      Map<String, Long> before = new HashMap<>();
      for (String address : owed.keySet()) {
        before.put(address, balance(api, address));
      }

      String[] payout = {
        "delegate",
        "payout",
        "--delegate",
        delegate.username(),
        "--from",
        Long.toString(from),
        "--to",
        Long.toString(to),
        "--min-amount",
        "0",
        "--secrets",
        secrets.toString(),
        "--data-dir",
        data.toString(),
        "--network",
        networkFile.toString(),
        "--broadcast",
        url
      };
      Cli paid = cli(payout);
      assertThat(paid.exit()).as(paid.output()).isZero();
      assertThat(paid.output())
          .contains("osmose payout " + delegate.username() + " " + from + "-" + to);
      Matcher ids = Pattern.compile("^  ([0-9a-f]{64})$", Pattern.MULTILINE).matcher(paid.output());
      List<String> payoutIds = new ArrayList<>();
      while (ids.find()) {
        payoutIds.add(ids.group(1));
      }
      assertThat(payoutIds).isNotEmpty();
      for (String id : payoutIds) {
        awaitForged(api, id);
      }
      for (Map.Entry<String, Long> e : owed.entrySet()) {
        assertThat(balance(api, e.getKey()) - before.get(e.getKey()))
            .as("balance of %s rises by the planned amount", e.getKey())
            .isEqualTo(e.getValue());
      }

      Cli again = cli(payout);
      assertThat(again.exit()).as(again.output()).isZero();
      assertThat(again.output()).contains("already paid").contains("nothing to pay");
      assertThat(again.output()).doesNotContain("posted");

      JsonNode account = api.getOk(delegatePath + "/accounts?period=1").at("/data/0");
      assertThat(account.get("fromHeight").asLong()).isEqualTo(from);
      assertThat(account.get("toHeight").asLong()).isEqualTo(to);
      assertThat(account.get("promised").asLong()).isEqualTo(planned.get("promised").asLong());
      assertThat(account.get("paid").asLong()).isEqualTo(planned.get("promised").asLong());
      assertThat(account.get("difference").asText()).isEqualTo("0");

      Cli status =
          cli(
              "delegate",
              "status",
              "--network",
              networkFile.toString(),
              "--api",
              url,
              delegate.username());
      assertThat(status.exit()).as(status.output()).isZero();
      assertThat(status.output())
          .containsPattern("(?m)period 1, heights " + from + "-" + to + ": .*, difference 0$");
    }
  }

  private record Cli(int exit, String output) {}

  private Cli cli(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "cli", ".log");
    OsmoseProcess process = OsmoseProcess.start(List.of(args), Map.of(), log);
    int exit =
        process
            .waitFor(Duration.ofSeconds(120))
            .orElseThrow(() -> new AssertionError("osmose " + List.of(args) + " did not finish"));
    return new Cli(exit, process.logText());
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in:\n" + text).isTrue();
    return m.group(1);
  }
}
