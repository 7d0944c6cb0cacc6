package com.osmosecollective.node.funding.payout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The open account of a delegate over a range ("l'état des finances"): what it forged, what its
 * proposal promised to each recipient, what its payouts whose memo lies inside the range paid, and
 * the difference (positive: still owed). Payouts whose memo range crosses the statement's bounds
 * are listed apart, not counted.
 */
public record AccountStatement(
    String username,
    long fromHeight,
    long toHeight,
    long rewards,
    long fees,
    long promised,
    long paid,
    List<Line> lines,
    List<PaidPayout> payouts,
    List<PaidPayout> crossing) {
  public AccountStatement {
    lines = List.copyOf(lines);
    payouts = List.copyOf(payouts);
    crossing = List.copyOf(crossing);
  }

  /** One recipient: promised, paid, difference = promised − paid. */
  public record Line(String address, long promised, long paid) {
    public long difference() {
      return promised - paid;
    }
  }

  public long difference() {
    return promised - paid;
  }

  static AccountStatement of(PayoutPlan plan, List<PaidPayout> inside, List<PaidPayout> crossing) {
    Map<String, Long> promised = new TreeMap<>();
    plan.recipients().forEach(r -> promised.put(r.address(), r.amount()));
    Map<String, Long> paid = new TreeMap<>();
    for (PaidPayout p : inside) {
      p.paid().forEach((address, amount) -> paid.merge(address, amount, Long::sum));
    }
    TreeSet<String> addresses = new TreeSet<>(promised.keySet());
    addresses.addAll(paid.keySet());
    List<Line> lines = new ArrayList<>();
    long paidTotal = 0;
    for (String address : addresses) {
      long p = paid.getOrDefault(address, 0L);
      paidTotal += p;
      lines.add(new Line(address, promised.getOrDefault(address, 0L), p));
    }
    return new AccountStatement(
        plan.username(),
        plan.fromHeight(),
        plan.toHeight(),
        plan.rewards(),
        plan.fees(),
        plan.promised(),
        paidTotal,
        lines,
        inside,
        crossing);
  }
}
