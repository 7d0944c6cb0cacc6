package com.osmosecollective.node.funding.payout;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.chain.Delegates;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.funding.proposal.Registration;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Payout runs and open accounts of a delegate, from the node's own indexes: the planner for what
 * was promised, the ledger for what was paid. A run covers only heights that no earlier payout memo
 * of the delegate names, so re-running an overlapping range never pays a block twice.
 */
public final class PayoutService {
  private final Delegates delegates;
  private final PayoutPlanner planner;
  private final PayoutLedger ledger;
  private final Proposals proposals;

  public PayoutService(
      ChainQueries queries, Proposals proposals, PayoutPlanner planner, PayoutLedger ledger) {
    this.delegates = new Delegates(queries);
    this.proposals = proposals;
    this.planner = planner;
    this.ledger = ledger;
  }

  /** The delegate by username, address or public key, if there is one. */
  public java.util.Optional<Wallet> find(String id) {
    return delegates.find(id);
  }

  /** The delegate by username, address or public key. */
  public Wallet delegate(String id) {
    return delegates.find(id).orElseThrow(() -> new NoSuchElementException("no delegate " + id));
  }

  /** What a payout over {@code range} pays now, given what the delegate already paid. */
  public PayoutRun run(String delegateId, HeightRange range, PayoutOptions options)
      throws ProposalUnavailableException {
    Wallet delegate = delegate(delegateId);
    String username = delegate.delegate().username();
    List<PaidPayout> paid = ledger.paid(delegate);
    List<HeightRange> covered = new ArrayList<>();
    List<PaidPayout> overlapping = new ArrayList<>();
    for (PaidPayout p : paid) {
      HeightRange r = new HeightRange(p.memo().fromHeight(), p.memo().toHeight());
      covered.add(r);
      if (r.overlaps(range)) {
        overlapping.add(p);
      }
    }
    List<PayoutBatch> batches = new ArrayList<>();
    for (HeightRange open : HeightRange.minus(range, covered)) {
      PayoutPlan plan = planner.plan(delegate, open.from(), open.to());
      if (plan.promised() == 0) {
        continue;
      }
      long min = minimum(delegate, open, options);
      List<PayoutBatch.Payment> payments = new ArrayList<>();
      List<PayoutBatch.Withheld> withheld = new ArrayList<>();
      for (RecipientAmount r : plan.recipients()) {
        if (options.exclude().contains(r.address())) {
          withheld.add(new PayoutBatch.Withheld(r.address(), r.amount(), "excluded"));
        } else if (r.amount() < min) {
          withheld.add(
              new PayoutBatch.Withheld(r.address(), r.amount(), "below the minimum of " + min));
        } else {
          payments.add(new PayoutBatch.Payment(r.address(), r.amount()));
        }
      }
      batches.add(
          new PayoutBatch(
              new PayoutMemo(username, open.from(), open.to()), plan, payments, withheld));
    }
    return new PayoutRun(username, delegate.address(), range, overlapping, batches);
  }

  /** The open account of {@code range}: forged, promised and paid per recipient. */
  public AccountStatement account(String delegateId, HeightRange range)
      throws ProposalUnavailableException {
    Wallet delegate = delegate(delegateId);
    PayoutPlan plan = planner.plan(delegate, range.from(), range.to());
    List<PaidPayout> inside = new ArrayList<>();
    List<PaidPayout> crossing = new ArrayList<>();
    for (PaidPayout p : ledger.paid(delegate)) {
      HeightRange r = new HeightRange(p.memo().fromHeight(), p.memo().toHeight());
      if (range.contains(r)) {
        inside.add(p);
      } else if (range.overlaps(r)) {
        crossing.add(p);
      }
    }
    return AccountStatement.of(plan, inside, crossing);
  }

  private long minimum(Wallet delegate, HeightRange range, PayoutOptions options)
      throws ProposalUnavailableException {
    if (options.minAmount() != null) {
      return options.minAmount();
    }
    Registration latest = proposals.registrations().latest(delegate, range.to()).orElse(null);
    return latest == null ? 0 : proposals.load(latest).proposal().minimumPayout();
  }
}
