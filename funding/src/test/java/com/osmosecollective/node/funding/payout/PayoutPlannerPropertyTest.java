package com.osmosecollective.node.funding.payout;

import static com.osmosecollective.node.funding.testing.FundingChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.funding.proposal.ProposalStore;
import com.osmosecollective.node.funding.proposal.ProposalValidator;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.funding.testing.Documents;
import com.osmosecollective.node.funding.testing.FundingChain;
import com.osmosecollective.node.storage.BlockData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The planner against a brute-force recomputation, block by block, over random devnet histories on
 * a real chain: voters vote, unvote, switch, receive and send coins inside the range, and the
 * delegate changes its proposal half-way. The recomputation takes each block's voters from a full
 * wallet scan made right after the block below it, independently of the vote-weight index.
 */
class PayoutPlannerPropertyTest {
  static final int VOTERS = 6;

  /** One registered proposal: from which height it is in force and its split. */
  record Registered(long height, int votersBp, Map<String, Integer> shares) {}

  @Property(tries = 8, shrinking = ShrinkingMode.OFF)
  void plannerEqualsBruteForceToTheArktoshi(
      @ForAll @Size(min = 15, max = 35) List<@IntRange(min = 0, max = 999) Integer> steps,
      @ForAll @IntRange(min = 4, max = 12) int rangeStart,
      @ForAll @IntRange(min = 1, max = 9999) int votersBp)
      throws Exception {
    Path dir = Files.createTempDirectory("planner");
    try (FundingChain c = FundingChain.open(dir.resolve("chain"))) {
      Proposals proposals =
          new Proposals(
              c.store.queries(),
              new ProposalValidator(c.network.pubKeyHash()),
              new ProposalStore(dir.resolve("proposals")));
      PrivateKey delegateKey = c.delegate().key();
      String d = c.delegate().publicKey();
      String e = c.otherDelegate().publicKey();
      List<PrivateKey> voters = new ArrayList<>();
      for (int i = 0; i < VOTERS; i++) {
        voters.add(PrivateKey.fromPassphrase("planner voter " + i));
      }
      List<Map<String, Long>> snapshots = new ArrayList<>();
      snapshots.add(Map.of()); // height 0
      snapshots.add(c.votersOf(d)); // genesis
      List<Registered> registered = new ArrayList<>();

      List<Asset.Payment> funding = new ArrayList<>();
      for (int i = 0; i < VOTERS; i++) {
        funding.add(
            new Asset.Payment((1000L + 777L * i) * COIN, c.addressBytes(c.address(voters.get(i)))));
      }
      funding.add(new Asset.Payment(100 * COIN, c.addressBytes(c.address(delegateKey))));
      forge(
          c,
          snapshots,
          d,
          c.sign(c.rich(), c.fee("multiPayment"), 0, new Asset.MultiPayment(funding), null));

      String dev = c.address(PrivateKey.fromPassphrase("planner dev"));
      String hall = c.address(PrivateKey.fromPassphrase("planner hall"));
      int rest = 10_000 - votersBp;
      register(
          c,
          proposals,
          snapshots,
          registered,
          d,
          votersBp,
          Map.of(dev, rest / 3, hall, rest - rest / 3));

      boolean secondProposal = false;
      for (int step : steps) {
        int who = step % VOTERS;
        int action = step / VOTERS % 7;
        PrivateKey voter = voters.get(who);
        Wallet w = c.wallet(c.address(voter));
        Transaction tx = null;
        long voteFee = c.fee("vote");
        switch (action) {
          case 0, 1 -> { // vote for D, switch E→D, or unvote D
            if (w.vote() == null) {
              tx = vote(c, voter, voteFee, Map.of(d, true));
            } else if (w.vote().equals(e)) {
              tx = vote(c, voter, voteFee, Map.of(e, false, d, true));
            } else {
              tx = vote(c, voter, voteFee, Map.of(d, false));
            }
          }
          case 2 -> { // vote for E or switch D→E
            if (w.vote() == null) {
              tx = vote(c, voter, voteFee, Map.of(e, true));
            } else if (w.vote().equals(d)) {
              tx = vote(c, voter, voteFee, Map.of(d, false, e, true));
            }
          }
          case 3 -> { // a voter pays another: both weights move
            PrivateKey to = voters.get((who + 1 + step % 5) % VOTERS);
            long amount = Math.max(1, w.balance() / (2 + step % 7));
            tx =
                c.sign(
                    voter,
                    c.fee("transfer"),
                    amount,
                    new Asset.Transfer(0, c.addressBytes(c.address(to))),
                    null);
          }
          case 4 -> // coins arrive from outside
              tx =
                  c.sign(
                      c.rich(),
                      c.fee("transfer"),
                      (step + 1) * 3 * COIN + step,
                      new Asset.Transfer(0, c.addressBytes(c.address(voter))),
                      null);
          case 5 -> {
            if (!secondProposal) {
              secondProposal = true;
              int bp = 10_000 - step * 7;
              register(c, proposals, snapshots, registered, d, bp, Map.of(hall, 10_000 - bp));
              continue;
            }
          }
          default -> {} // an empty block
        }
        forge(c, snapshots, d, tx);
      }
      long to = c.height();
      long from = Math.min(rangeStart, to);
      PayoutPlan plan =
          new PayoutPlanner(c.store.queries(), proposals)
              .plan(c.store.queries().wallet(c.address(delegateKey)).orElseThrow(), from, to);

      Map<String, Long> expected = new TreeMap<>();
      long forged = 0;
      int blocks = 0;
      for (long h = from; h <= to; h++) {
        BlockData block = c.store.queries().block(h).orElseThrow();
        if (!block.generatorPublicKey().equals(d)) {
          continue;
        }
        blocks++;
        long amount = block.reward() + block.totalFee();
        forged += amount;
        Registered inForce = null;
        for (Registered r : registered) {
          if (r.height() < h) {
            inForce = r;
          }
        }
        if (inForce == null) {
          continue;
        }
        for (Map.Entry<String, Integer> s : inForce.shares().entrySet()) {
          expected.merge(s.getKey(), floor(amount, s.getValue(), 10_000), Long::sum);
        }
        BigInteger pot = BigInteger.valueOf(floor(amount, inForce.votersBp(), 10_000));
        Map<String, Long> weights = snapshots.get((int) h - 1);
        BigInteger total =
            BigInteger.valueOf(
                weights.values().stream().filter(x -> x > 0).mapToLong(x -> x).sum());
        for (Map.Entry<String, Long> v : weights.entrySet()) {
          if (v.getValue() > 0) {
            long share =
                pot.multiply(BigInteger.valueOf(v.getValue())).divide(total).longValueExact();
            expected.merge(v.getKey(), share, Long::sum);
          }
        }
      }
      expected.values().removeIf(x -> x == 0);
      Map<String, Long> planned = new TreeMap<>();
      plan.recipients().forEach(r -> planned.put(r.address(), r.amount()));
      assertThat(blocks).as("the delegate forged in the range").isPositive();
      assertThat(plan.blocks()).hasSize(blocks);
      assertThat(plan.forged()).isEqualTo(forged);
      assertThat(planned).isEqualTo(expected);
      long sum = planned.values().stream().mapToLong(x -> x).sum();
      assertThat(sum).isEqualTo(plan.promised()).isLessThanOrEqualTo(forged);
      assertThat(plan.promised() + plan.remainder()).isEqualTo(forged);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static long floor(long amount, long numerator, long denominator) {
    return BigInteger.valueOf(amount)
        .multiply(BigInteger.valueOf(numerator))
        .divide(BigInteger.valueOf(denominator))
        .longValueExact();
  }

  private static Transaction vote(
      FundingChain c, PrivateKey voter, long fee, Map<String, Boolean> votes) {
    List<Asset.VoteEntry> entries = new ArrayList<>();
    // unvote first, as a switch must be
    votes.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(v -> entries.add(new Asset.VoteEntry(v.getValue(), Bytes.of(hex(v.getKey())))));
    return c.sign(voter, fee, 0, new Asset.Vote(entries), null);
  }

  private static byte[] hex(String s) {
    return com.osmosecollective.node.core.encoding.Hex.decodeOrThrow(s);
  }

  private static void register(
      FundingChain c,
      Proposals proposals,
      List<Map<String, Long>> snapshots,
      List<Registered> registered,
      String d,
      int votersBp,
      Map<String, Integer> shares)
      throws Exception {
    Map<String, Object[]> named = new java.util.LinkedHashMap<>();
    shares.entrySet().stream()
        .filter(s -> s.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .forEach(s -> named.put("share " + s.getKey(), new Object[] {s.getKey(), s.getValue()}));
    byte[] document = Documents.proposal("p" + registered.size(), votersBp, named);
    String cid = CidV0.of(document);
    forge(
        c,
        snapshots,
        d,
        c.sign(
            c.delegate().key(),
            c.fee("ipfs"),
            0,
            new Asset.Ipfs(Bytes.of(Base58.decode(cid))),
            null));
    proposals.submit(document);
    Map<String, Integer> kept = new HashMap<>(shares);
    kept.values().removeIf(x -> x == 0);
    registered.add(new Registered(c.height(), votersBp, kept));
  }

  private static void forge(
      FundingChain c, List<Map<String, Long>> snapshots, String d, Transaction tx) {
    c.forge(tx == null ? List.of() : List.of(tx));
    assertThat(snapshots).hasSize((int) c.height());
    snapshots.add(c.votersOf(d));
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
