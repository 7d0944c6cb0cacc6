package com.osmosecollective.node.funding.payout;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.proposal.Proposal;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.funding.proposal.Registration;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payout periods of a delegate's proposal in force, counted from the block after its
 * registration (the first block it applies to): period k of {@code {"blocks": N}} is heights {@code
 * r + (k−1)N + 1 .. r + kN}; period k of {@code {"days": D}} holds the blocks whose timestamp lies
 * in {@code [t0 + (k−1)·D days, t0 + k·D days)}, t0 being the registration block's timestamp. The
 * last period is open (incomplete) until the chain passes its end. Earlier proposals of the
 * delegate have their own periods; these are the current one's.
 */
public final class AccountPeriods {
  private static final long DAY_SECONDS = 86_400;

  private final ChainQueries queries;
  private final Proposals proposals;
  private final PayoutService payouts;

  public AccountPeriods(ChainQueries queries, Proposals proposals, PayoutService payouts) {
    this.queries = queries;
    this.proposals = proposals;
    this.payouts = payouts;
  }

  /**
   * One period: its number (1 = the first after the registration) and heights; {@code fromHeight >
   * toHeight} when no block fell inside it (a days period while the chain stood still).
   */
  public record Period(long number, long fromHeight, long toHeight, boolean complete) {
    public boolean empty() {
      return fromHeight > toHeight;
    }
  }

  /** The current proposal's periods: what they are counted from and how long they are. */
  public record Schedule(Registration registration, Proposal proposal, long periods, long tip) {}

  /**
   * The delegate's current proposal and how many periods (complete or not) the chain has reached.
   * Empty when the delegate registered no proposal.
   *
   * @throws ProposalUnavailableException the registered document is not held by this node
   */
  public Optional<Schedule> schedule(Wallet delegate) throws ProposalUnavailableException {
    Optional<Registration> latest = proposals.registrations().latest(delegate, Long.MAX_VALUE);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Registration r = latest.get();
    Proposal proposal = proposals.load(r).proposal();
    long tip = queries.tip().map(ChainTip::height).orElse(0L);
    long count;
    if (tip <= r.height()) {
      count = 0;
    } else if (proposal.payoutPeriod().blocks() > 0) {
      long n = proposal.payoutPeriod().blocks();
      count = (tip - r.height() + n - 1) / n;
    } else {
      long length = proposal.payoutPeriod().days() * DAY_SECONDS;
      count = (timestamp(tip) - r.timestamp()) / length + 1;
    }
    return Optional.of(new Schedule(r, proposal, count, tip));
  }

  /** Period {@code number} (1..{@code schedule.periods()}). */
  public Period period(Schedule schedule, long number) {
    if (number < 1 || number > schedule.periods()) {
      throw new IllegalArgumentException(
          "period " + number + " is not within 1-" + schedule.periods());
    }
    long r = schedule.registration().height();
    long tip = schedule.tip();
    Proposal.PayoutPeriod p = schedule.proposal().payoutPeriod();
    if (p.blocks() > 0) {
      long from = r + (number - 1) * p.blocks() + 1;
      long end = r + number * p.blocks();
      return new Period(number, from, Math.min(end, tip), end <= tip);
    }
    long length = p.days() * DAY_SECONDS;
    long start = schedule.registration().timestamp() + (number - 1) * length;
    long end = start + length;
    long from = number == 1 ? r + 1 : firstAtOrAfter(start, r + 1, tip);
    long to = firstAtOrAfter(end, r + 1, tip) - 1;
    return new Period(number, from, to, timestamp(tip) >= end);
  }

  /** The periods {@code first..last} (newest first when {@code first > last}). */
  public List<Period> periods(Schedule schedule, long first, long last) {
    List<Period> out = new ArrayList<>();
    long step = first <= last ? 1 : -1;
    for (long k = first; step > 0 ? k <= last : k >= last; k += step) {
      out.add(period(schedule, k));
    }
    return out;
  }

  /**
   * The open account of one period: forged, promised and paid per recipient (empty periods have
   * nothing to show).
   */
  public Optional<AccountStatement> account(Wallet delegate, Period period)
      throws ProposalUnavailableException {
    if (period.empty()) {
      return Optional.empty();
    }
    return Optional.of(
        payouts.account(
            delegate.address(), new HeightRange(period.fromHeight(), period.toHeight())));
  }

  private long timestamp(long height) {
    return queries
        .block(height)
        .map(BlockData::timestamp)
        .orElseThrow(() -> new IllegalStateException("block " + height + " is missing"));
  }

  /**
   * The lowest height in {@code low..high} whose block is at or after {@code time}, else high+1.
   */
  private long firstAtOrAfter(long time, long low, long high) {
    long lo = low;
    long hi = high + 1;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (timestamp(mid) >= time) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
