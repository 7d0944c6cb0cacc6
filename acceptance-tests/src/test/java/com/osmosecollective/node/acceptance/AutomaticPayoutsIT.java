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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Issue #14, {@code osmose start --forge --payouts} on a real process (a local devnet's network
 * file, 3 active delegates, 2 s blocks): once the proposal's first period has ended, the node pays
 * it by itself; every recipient's balance rises by exactly the planned amount, the accounts
 * endpoint shows no difference, and a restart does not pay the period again.
 */
class AutomaticPayoutsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long COIN = 100_000_000L;
  private static final int PERIOD_BLOCKS = 12;

  @TempDir Path dir;

  @Test
  void aForgingNodeWithPayoutsPaysTheEndedPeriodOnce() throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ((ObjectNode) root.get("network")).put(Network.LOCAL_DEVNET, true);
    ObjectNode first = (ObjectNode) root.withArray("milestones").get(0);
    first.put("blocktime", Cluster.BLOCKTIME);
    first.put("activeDelegates", 3);
    GenesisPlan plan = DevnetNetworkFile.withGenesis(root);
    Path networkFile = dir.resolve(DevnetNetworkFile.FILE_NAME);
    JSON.writerWithDefaultPrettyPrinter().writeValue(networkFile.toFile(), root);
    Network network = new NetworkLoader().loadFile(networkFile);
    int pubKeyHash = network.pubKeyHash();
    Path secrets = dir.resolve("delegates.secrets");
    Files.write(secrets, plan.delegates().stream().map(GenesisAccount::passphrase).toList());
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

    try (Cluster cluster = Cluster.in(dir)) {
      Node node =
          cluster
              .start("forger")
              .args(
                  "--network",
                  networkFile.toString(),
                  "--no-p2p",
                  "--forge",
                  "--secrets",
                  secrets.toString(),
                  "--payouts")
              .start();
      NodeApi api = node.api();
      String url = api.base().toString().replaceAll("/+$", "");
      node.awaitHeight(2, FORGED);

      GenesisAccount delegate =
          plan.delegates().stream()
              .min(Comparator.comparing(GenesisAccount::publicKey))
              .orElseThrow();
      String delegateAddress = delegate.address(pubKeyHash);
      PrivateKey rich = plan.funded().get(0).key();
      List<PrivateKey> voters =
          fundVotersAndDelegate(api, network, rich, "payouts voter", delegateAddress);

      String dev = address(PrivateKey.fromPassphrase("payouts development"), pubKeyHash);
      ObjectNode proposal = JSON.createObjectNode();
      proposal.put("title", "Automatic payouts IT");
      proposal.put("description", "voters and development");
      proposal.putArray("missions").addObject().put("name", "write the node");
      ArrayNode split = proposal.putArray("split");
      split.addObject().put("name", "voters").put("voters", true).put("percent", 75);
      split.addObject().put("name", "development").put("address", dev).put("percent", 25);
      proposal.putObject("payoutPeriod").put("blocks", PERIOD_BLOCKS);
      proposal.put("minimumPayout", "1");
      byte[] document = JSON.writeValueAsBytes(proposal);
      Path proposalFile = dir.resolve("proposal.json");
      Files.write(proposalFile, document);
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
      String registrationId =
          group(Pattern.compile("registration transaction ([0-9a-f]{64})"), register.output());
      long registeredAt = awaitForged(api, registrationId);
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
      assertThat(node.height()).as("votes forged inside the first period").isLessThan(to);
      List<String> recipients = new ArrayList<>(List.of(dev));
      voters.forEach(v -> recipients.add(address(v, pubKeyHash)));
      Map<String, Long> before = new HashMap<>();
      for (String address : recipients) {
        before.put(address, balance(api, address));
      }

      // nobody runs osmose delegate payout: the node pays the period once it has ended
      String line =
          node.awaitLog(
              Pattern.compile(
                  "(payout of "
                      + Pattern.quote(delegate.username())
                      + " for heights "
                      + from
                      + "-"
                      + to
                      + ": .*)"),
              Cluster.blocktimes(PERIOD_BLOCKS).plusSeconds(60));
      Matcher ids = Pattern.compile("[0-9a-f]{64}").matcher(line);
      List<String> payoutIds = new ArrayList<>();
      while (ids.find()) {
        payoutIds.add(ids.group());
      }
      assertThat(payoutIds).isNotEmpty();
      for (String id : payoutIds) {
        awaitForged(api, id);
      }
      String delegatePath = "/delegates/" + delegate.username();
      JsonNode planned =
          api.getOk(delegatePath + "/payouts?fromHeight=" + from + "&toHeight=" + to).get("data");
      Map<String, Long> owed = new HashMap<>();
      planned
          .get("recipients")
          .forEach(r -> owed.put(r.get("address").asText(), r.get("amount").asLong()));
      assertThat(owed.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
      for (Map.Entry<String, Long> e : owed.entrySet()) {
        assertThat(e.getValue()).isPositive();
        assertThat(balance(api, e.getKey()) - before.get(e.getKey()))
            .as("balance of %s rises by the planned amount", e.getKey())
            .isEqualTo(e.getValue());
      }
      JsonNode account = api.getOk(delegatePath + "/accounts?period=1").at("/data/0");
      assertThat(account.get("fromHeight").asLong()).isEqualTo(from);
      assertThat(account.get("toHeight").asLong()).isEqualTo(to);
      assertThat(account.get("paid").asLong()).isEqualTo(planned.get("promised").asLong());
      assertThat(account.get("difference").asText()).isEqualTo("0");

      // a restart does not pay the period again
      assertThat(node.stop(Duration.ofSeconds(10))).hasValue(0);
      node.start();
      long restartedAt = node.height();
      node.awaitHeight(restartedAt + 4, FORGED);
      assertThat(node.log()).contains("automatic payouts for 51 delegate(s)");
      assertThat(node.log()).doesNotContain("payout of ");
      for (Map.Entry<String, Long> e : owed.entrySet()) {
        assertThat(balance(node.api(), e.getKey()) - before.get(e.getKey()))
            .as("balance of %s after the restart", e.getKey())
            .isEqualTo(e.getValue());
      }
      JsonNode again = node.api().getOk(delegatePath + "/accounts?period=1").at("/data/0");
      assertThat(again.get("paid").asLong()).isEqualTo(planned.get("promised").asLong());
      assertThat(again.get("difference").asText()).isEqualTo("0");
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
