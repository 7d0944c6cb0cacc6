package com.osmosecollective.node.funding.payout;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.proposal.Proposal;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.funding.proposal.Registration;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.VoteWeightChange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reward sharing by true block weight. For every block the delegate forged in the range:
 *
 * <ul>
 *   <li>forged = the block's reward + its fees;
 *   <li>the proposal in force is the delegate's latest IPFS registration in a block <em>below</em>
 *       this one (none: nothing is promised, everything is remainder);
 *   <li>each named share gets ⌊forged × percent⌋;
 *   <li>the voters' share ⌊forged × voters' percent⌋ is split among the delegate's voters in
 *       proportion to their vote weights <em>on the state the block was forged on</em>, i.e. after
 *       block height − 1: voter v gets ⌊share × w(v) ÷ Σw⌋, voters of weight ≤ 0 get nothing. A
 *       vote or a balance change in block h counts from block h + 1;
 *   <li>remainder = forged − everything promised (rounding, or the voters' share when no one
 *       votes): never negative, so the plan never pays more than was forged.
 * </ul>
 *
 * <p>Integer arithmetic in arktoshi, block by block. The weights come from storage's vote-weight
 * history in one ordered scan up to the range's end, merged with the delegate's blocks.
 */
public final class PayoutPlanner {
  private final ChainQueries queries;
  private final Proposals proposals;

  public PayoutPlanner(ChainQueries queries, Proposals proposals) {
    this.queries = queries;
    this.proposals = proposals;
  }

  /**
   * Plans the delegate's blocks in {@code fromHeight..toHeight}.
   *
   * @throws ProposalUnavailableException a proposal in force over the range is not held by this
   *     node
   * @throws IllegalArgumentException a range that is empty, starts below 2 or ends above the tip
   */
  public PayoutPlan plan(Wallet delegate, long fromHeight, long toHeight)
      throws ProposalUnavailableException {
    if (delegate.delegate() == null || delegate.publicKey() == null) {
      throw new IllegalArgumentException(delegate.address() + " is not a delegate");
    }
    long tip = queries.tip().map(t -> t.height()).orElse(0L);
    if (fromHeight < 2 || toHeight < fromHeight || toHeight > tip) {
      throw new IllegalArgumentException(
          "height range " + fromHeight + "-" + toHeight + " must lie within 2-" + tip);
    }
    String key = delegate.publicKey();
    List<Long> heights = new ArrayList<>();
    queries.forEachBlockOfGenerator(key, fromHeight, toHeight, heights::add);
    Accumulator acc = new Accumulator(delegate, proposals.registrations().byWallet(delegate));
    if (!heights.isEmpty()) {
      Map<String, Long> weights = new TreeMap<>();
      int[] next = {0};
      long lastNeeded = heights.get(heights.size() - 1) - 1;
      ProposalUnavailableException[] failure = {null};
      queries.forEachVoteWeightChange(
          key,
          1,
          lastNeeded,
          change -> {
            while (failure[0] == null
                && next[0] < heights.size()
                && change.height() >= heights.get(next[0])) {
              failure[0] = acc.block(heights.get(next[0]++), weights);
            }
            apply(weights, change);
          });
      while (failure[0] == null && next[0] < heights.size()) {
        failure[0] = acc.block(heights.get(next[0]++), weights);
      }
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    return acc.plan(fromHeight, toHeight);
  }

  private static void apply(Map<String, Long> weights, VoteWeightChange change) {
    if (change.weight() == 0) {
      weights.remove(change.voter());
    } else {
      weights.put(change.voter(), change.weight());
    }
  }

  /** ⌊amount × numerator ÷ denominator⌋ without overflow (all non-negative). */
  static long share(long amount, long numerator, long denominator) {
    long high = Math.multiplyHigh(amount, numerator);
    if (high == 0 && amount * numerator >= 0) {
      return amount * numerator / denominator;
    }
    return BigInteger.valueOf(amount)
        .multiply(BigInteger.valueOf(numerator))
        .divide(BigInteger.valueOf(denominator))
        .longValueExact();
  }

  private final class Accumulator {
    private final Wallet delegate;
    private final List<Registration> registrations;
    private final Map<String, Proposals.ProposalInForce> loaded = new HashMap<>();
    private final Map<String, long[]> amounts = new TreeMap<>(); // address → {asVoter, asShare}
    private final Map<String, LinkedHashSet<String>> names = new HashMap<>();
    private final List<BlockShare> blocks = new ArrayList<>();
    private final LinkedHashSet<String> cids = new LinkedHashSet<>();
    private long rewards;
    private long fees;
    private long promised;
    private long remainder;

    Accumulator(Wallet delegate, List<Registration> registrations) {
      this.delegate = delegate;
      this.registrations = registrations;
    }

    /** Plans one block on the weights after the block below it; returns a failure, else null. */
    ProposalUnavailableException block(long height, Map<String, Long> weights) {
      BlockData block =
          queries
              .block(height)
              .orElseThrow(() -> new IllegalStateException("block " + height + " is missing"));
      long forged = Math.addExact(block.reward(), block.totalFee());
      rewards = Math.addExact(rewards, block.reward());
      fees = Math.addExact(fees, block.totalFee());
      Registration registration = null;
      for (Registration r : registrations) {
        if (r.height() < height) {
          registration = r;
        }
      }
      long blockPromised = 0;
      if (registration != null) {
        Proposal proposal;
        try {
          proposal = inForce(registration).proposal();
        } catch (ProposalUnavailableException e) {
          return e;
        }
        cids.add(registration.cid());
        for (Proposal.Share s : proposal.split()) {
          long pot = share(forged, s.basisPoints(), Proposal.WHOLE);
          if (!s.isVoters()) {
            add(s.address(), 1, pot);
            names.computeIfAbsent(s.address(), a -> new LinkedHashSet<>()).add(s.name());
            blockPromised += pot;
            continue;
          }
          long total = 0;
          for (long w : weights.values()) {
            if (w > 0) {
              total = Math.addExact(total, w);
            }
          }
          if (total == 0) {
            continue;
          }
          for (Map.Entry<String, Long> v : weights.entrySet()) {
            if (v.getValue() > 0) {
              long amount = share(pot, v.getValue(), total);
              add(v.getKey(), 0, amount);
              blockPromised += amount;
            }
          }
        }
      }
      promised = Math.addExact(promised, blockPromised);
      remainder = Math.addExact(remainder, forged - blockPromised);
      blocks.add(
          new BlockShare(
              height,
              block.reward(),
              block.totalFee(),
              registration == null ? null : registration.cid(),
              blockPromised,
              forged - blockPromised));
      return null;
    }

    private Proposals.ProposalInForce inForce(Registration registration)
        throws ProposalUnavailableException {
      Proposals.ProposalInForce p = loaded.get(registration.cid());
      if (p == null) {
        p = proposals.load(registration);
        loaded.put(registration.cid(), p);
      }
      return p;
    }

    private void add(String address, int role, long amount) {
      if (amount == 0) {
        return;
      }
      long[] a = amounts.computeIfAbsent(address, k -> new long[2]);
      a[role] = Math.addExact(a[role], amount);
    }

    PayoutPlan plan(long fromHeight, long toHeight) {
      List<RecipientAmount> recipients = new ArrayList<>(amounts.size());
      amounts.forEach(
          (address, a) ->
              recipients.add(
                  new RecipientAmount(
                      address,
                      a[0],
                      a[1],
                      List.copyOf(names.getOrDefault(address, new LinkedHashSet<>())))));
      return new PayoutPlan(
          delegate.publicKey(),
          delegate.address(),
          delegate.delegate().username(),
          fromHeight,
          toHeight,
          rewards,
          fees,
          promised,
          remainder,
          recipients,
          blocks,
          List.copyOf(cids));
    }
  }
}
