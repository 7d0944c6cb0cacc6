package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.AccountStatement;
import com.osmosecollective.node.funding.payout.HeightRange;
import com.osmosecollective.node.funding.payout.PaidPayout;
import com.osmosecollective.node.funding.payout.PayoutOptions;
import com.osmosecollective.node.funding.payout.PayoutPlan;
import com.osmosecollective.node.funding.payout.RecipientAmount;
import com.osmosecollective.node.funding.proposal.ProposalRegistration;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.genesis.GenesisPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, {@code osmose start --forge --payouts}: a forging node pays each ended payout period
 * of its delegate's proposal by itself: the multi-payments are forged, each recipient's balance
 * rises by exactly the plan, the period's open account balances, and neither a later block nor a
 * restart (with the payout still in the restored pool) pays a period twice. A proposal whose
 * document was never posted is named once in a WARN and paid once it is posted.
 */
class PayoutsAutomationTest {
  private static final int BLOCKTIME = 8;
  private static final int PERIOD_BLOCKS = 6;
  private static final long COIN = 100_000_000L;
  private static final String LOGGER = PayoutsService.class.getName();

  @TempDir Path dir;

  private Network network;
  private GenesisPlan plan;
  private SteppedClock clock;
  private long slot = 10;

  @Test
  void endedPeriodsArePaidOnceByTheForgingNode() throws Exception {
    newNetwork();
    GenesisAccount delegate =
        plan.delegates().stream()
            .min(Comparator.comparing(GenesisAccount::publicKey))
            .orElseThrow();
    String named =
        Address.fromPublicKey(
            PrivateKey.fromPassphrase("named share").publicKey(), network.pubKeyHash());
    byte[] document = proposal(named);
    String cid = CidV0.of(document);
    List<PrivateKey> voters = plan.funded().stream().limit(3).map(GenesisAccount::key).toList();

    List<String> payoutIds = new ArrayList<>();
    try (LogCapture log = new LogCapture(LOGGER);
        NodeAssembly node = start()) {
      List<Transaction> setup = new ArrayList<>();
      for (PrivateKey voter : voters) {
        setup.add(vote(voter, delegate));
      }
      // genesis delegates hold nothing: the registration fee comes from a funded wallet
      setup.add(transfer(plan.funded().get(4).key(), delegate.key(), 100 * COIN));
      submit(node, setup);
      forgeUntil(node, 2);
      long registrationNonce =
          node.queries().walletByPublicKey(delegate.publicKey()).orElseThrow().nonce() + 1;
      submit(
          node,
          List.of(
              ProposalRegistration.build(
                  cid,
                  delegate.key(),
                  registrationNonce,
                  network.milestones().at(3),
                  network.pubKeyHash())));
      forgeUntil(node, 3); // registration at height 3: period 1 = 4..9, period 2 = 10..15

      // never posted: named once, nothing paid
      forgeUntil(node, 11);
      await().atMost(Duration.ofSeconds(5)).until(() -> log.count(cid) == 1);
      assertThat(log.messages(Level.WARN))
          .containsExactly(
              "payouts of "
                  + delegate.username()
                  + ": the document of its proposal "
                  + cid
                  + " was never posted to this node (POST /api/proposals); its periods are paid"
                  + " once it is");
      assertThat(node.pool().view().size()).isZero();

      Funding funding = Funding.of(node.queries(), network, dir);
      funding.proposals().submit(document);
      Map<String, Long> before = balances(node, voters, named);
      forgeUntil(node, 12);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.count("payout of " + delegate.username() + " for heights 4-9") == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> node.pool().view().size() > 0);
      Wallet delegateWallet = node.queries().walletByPublicKey(delegate.publicKey()).orElseThrow();
      PayoutPlan period1 = funding.planner().plan(delegateWallet, 4, 9);
      assertThat(period1.promised()).isPositive();
      assertThat(period1.recipients()).hasSize(4);
      List<Transaction> pending = node.pool().view().transactions();
      assertThat(pending)
          .isNotEmpty()
          .allMatch(
              tx -> "osmose payout %s 4-9".formatted(delegate.username()).equals(tx.vendorField()));
      pending.forEach(tx -> payoutIds.add(tx.id()));

      forgeUntil(node, 13);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> node.queries().storedTransactionIds(payoutIds).size() == payoutIds.size());
      Map<String, Long> after = balances(node, voters, named);
      for (RecipientAmount r : period1.recipients()) {
        assertThat(after.get(r.address()) - before.get(r.address()))
            .as("balance of %s", r.address())
            .isEqualTo(r.amount());
      }
      assertThat(accountOf(funding, delegate, 1).difference()).isZero();
      assertThat(node.queries().walletByPublicKey(delegate.publicKey()).orElseThrow().nonce())
          .isEqualTo(registrationNonce + payoutIds.size());

      // period 2 ends at 15: its payout goes to the pool, then the node stops before forging it
      forgeUntil(node, 15);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.count("payout of " + delegate.username() + " for heights 10-15") == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> node.pool().view().size() > 0);
      // later blocks of the same period never pay it again while it waits
      assertThat(log.count("payout of ")).isEqualTo(2);
    }

    // restart: the payout of 10-15 is back in the pool from pool.dat, and is not made again
    try (LogCapture log = new LogCapture(LOGGER);
        NodeAssembly node = start()) {
      assertThat(node.pool().view().transactions())
          .isNotEmpty()
          .allMatch(
              tx ->
                  "osmose payout %s 10-15".formatted(delegate.username()).equals(tx.vendorField()));
      Funding funding = Funding.of(node.queries(), network, dir);
      forgeUntil(node, 18);
      await().atMost(Duration.ofSeconds(5)).until(() -> node.pool().view().size() == 0);
      await()
          .pollDelay(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> log.messages(Level.WARN).isEmpty());
      assertThat(log.count("payout of ")).isZero();
      Wallet delegateWallet = node.queries().walletByPublicKey(delegate.publicKey()).orElseThrow();
      List<PaidPayout> paid =
          funding
              .payouts()
              .run(delegateWallet.address(), new HeightRange(4, 15), PayoutOptions.defaults())
              .alreadyPaid();
      assertThat(paid)
          .extracting(p -> p.memo().toString())
          .containsOnly(
              "osmose payout " + delegate.username() + " 4-9",
              "osmose payout " + delegate.username() + " 10-15");
      assertThat(accountOf(funding, delegate, 1).difference()).isZero();
      assertThat(accountOf(funding, delegate, 2).difference()).isZero();
      assertThat(accountOf(funding, delegate, 2).paid()).isPositive();
    }
  }

  private void newNetwork() throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ObjectNode first = (ObjectNode) root.withArray("milestones").get(0);
    first.put("blocktime", BLOCKTIME);
    first.put("activeDelegates", 3);
    plan = DevnetNetworkFile.withGenesis(root);
    ((ObjectNode) root.get("network")).put(Network.LOCAL_DEVNET, true);
    network = new NetworkLoader().fromJson(root, null);
    clock = new SteppedClock(network.epoch().plusSeconds(slot * BLOCKTIME));
  }

  private NodeAssembly start() throws Exception {
    DelegateKeys keys =
        DelegateKeys.fromPassphrases(
            plan.delegates().stream().map(GenesisAccount::passphrase).toList());
    return NodeAssembly.openAndStart(
        new NodeAssembly.Settings(network, dir, keys, clock).withNewChain(true).withPayouts(true));
  }

  /** Steps the clock slot by slot until the node forged up to {@code height}. */
  private void forgeUntil(NodeAssembly node, long height) {
    while (node.chain().snapshot().height() < height) {
      long expected = node.chain().snapshot().height() + 1;
      slot++;
      clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> node.chain().snapshot().height() == expected);
    }
  }

  private AccountStatement accountOf(Funding funding, GenesisAccount delegate, long period)
      throws Exception {
    Wallet wallet = funding.payouts().find(delegate.publicKey()).orElseThrow();
    AccountPeriods.Schedule schedule = funding.periods().schedule(wallet).orElseThrow();
    AccountPeriods.Period p = funding.periods().period(schedule, period);
    assertThat(p.complete()).isTrue();
    return funding.periods().account(wallet, p).orElseThrow();
  }

  private Map<String, Long> balances(NodeAssembly node, List<PrivateKey> voters, String named) {
    Map<String, Long> out = new HashMap<>();
    for (PrivateKey voter : voters) {
      String address = Address.fromPublicKey(voter.publicKey(), network.pubKeyHash());
      out.put(address, node.queries().wallet(address).map(Wallet::balance).orElse(0L));
    }
    out.put(named, node.queries().wallet(named).map(Wallet::balance).orElse(0L));
    return out;
  }

  private static void submit(NodeAssembly node, List<Transaction> transactions) throws Exception {
    AdmissionResult admitted =
        node.pool()
            .add(transactions.stream().map(Submitted::decoded).toList())
            .get(10, TimeUnit.SECONDS);
    assertThat(admitted.accept()).as(admitted.errors().toString()).hasSize(transactions.size());
  }

  private Transaction transfer(PrivateKey sender, PrivateKey to, long amount) {
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(1)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(network.milestones().at(2).staticFee("transfer", 10_000_000L))
            .amount(amount)
            .asset(
                new Asset.Transfer(
                    0,
                    Bytes.of(Address.payloadFromPublicKey(to.publicKey(), network.pubKeyHash()))))
            .build();
    return TransactionSigner.sign(tx, sender);
  }

  private Transaction vote(PrivateKey voter, GenesisAccount delegate) throws Exception {
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(1)
            .senderPublicKey(Bytes.of(voter.publicKey()))
            .fee(network.milestones().at(2).staticFee("vote", 100_000_000L))
            .amount(0)
            .asset(
                new Asset.Vote(
                    List.of(new Asset.VoteEntry(true, Bytes.fromHex(delegate.publicKey())))))
            .build();
    return TransactionSigner.sign(tx, voter);
  }

  /** 70% to the voters, 30% to one named address, paid every {@link #PERIOD_BLOCKS} blocks. */
  private static byte[] proposal(String named) {
    return ("{\"title\":\"automatic payouts\",\"description\":\"a test proposal\","
            + "\"missions\":[{\"name\":\"test\"}],"
            + "\"split\":[{\"name\":\"voters\",\"voters\":true,\"percent\":70},"
            + "{\"name\":\"mission\",\"address\":\""
            + named
            + "\",\"percent\":30}],"
            + "\"payoutPeriod\":{\"blocks\":"
            + PERIOD_BLOCKS
            + "},\"minimumPayout\":\"1\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
