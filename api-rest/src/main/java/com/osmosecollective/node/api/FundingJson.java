package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.AccountStatement;
import com.osmosecollective.node.funding.payout.PaidPayout;
import com.osmosecollective.node.funding.payout.PayoutBatch;
import com.osmosecollective.node.funding.payout.PayoutPlan;
import com.osmosecollective.node.funding.payout.PayoutRun;
import com.osmosecollective.node.funding.payout.RecipientAmount;
import com.osmosecollective.node.funding.proposal.DelegateProposal;
import com.osmosecollective.node.funding.proposal.InvalidProposalException;
import com.osmosecollective.node.funding.proposal.ProposalError;
import com.osmosecollective.node.funding.proposal.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the funding routes. Amounts are arktoshi as strings, as ARK prints amounts;
 * timestamps are ARK's {@code {epoch, unix, human}}.
 */
final class FundingJson {
  /** Errors named in one 422 message; the rest are counted. */
  private static final int ERRORS_SHOWN = 5;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ArkTimestamp timestamps;

  FundingJson(ArkTimestamp timestamps) {
    this.timestamps = timestamps;
  }

  /** The refusal of a document: its first errors, each led by its field. */
  static String describe(InvalidProposalException e) {
    List<ProposalError> errors = e.errors();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(ERRORS_SHOWN, errors.size()); i++) {
      if (i > 0) {
        out.append("; ");
      }
      out.append(errors.get(i));
    }
    if (errors.size() > ERRORS_SHOWN) {
      out.append("; and ").append(errors.size() - ERRORS_SHOWN).append(" more");
    }
    return out.toString();
  }

  /** A delegate's registered proposal; {@code document} null when this node does not hold it. */
  ObjectNode proposal(DelegateProposal p, JsonNode document) {
    ObjectNode o = F.objectNode();
    o.put("cid", p.registration().cid());
    o.putObject("delegate")
        .put("username", p.username())
        .put("address", p.delegateAddress())
        .put("publicKey", p.delegatePublicKey());
    o.set("transaction", transaction(p.registration()));
    if (document == null) {
      o.putNull("document");
    } else {
      o.set("document", document);
    }
    return o;
  }

  /** The first registration of a hash (timestamping): when and by whom. */
  ObjectNode registration(Registration r) {
    ObjectNode o = F.objectNode();
    o.put("hash", r.cid());
    o.put("sender", r.senderAddress());
    o.put("senderPublicKey", r.senderPublicKey());
    o.set("transaction", transaction(r));
    return o;
  }

  private ObjectNode transaction(Registration r) {
    ObjectNode o = F.objectNode();
    o.put("id", r.transactionId());
    o.put("height", r.height());
    o.set("timestamp", timestamps.toJson(r.timestamp()));
    return o;
  }

  /**
   * The plan of a range, what earlier payouts already paid of it, and what is still to pay; the
   * recipients (one per voter: unbounded) a page at a time, each with what this run would pay it
   * and what it withholds.
   */
  ObjectNode payouts(PayoutPlan plan, PayoutRun run, Pagination page) {
    ObjectNode o = F.objectNode();
    delegate(o, plan.username(), plan.delegateAddress(), plan.delegatePublicKey());
    o.put("fromHeight", plan.fromHeight());
    o.put("toHeight", plan.toHeight());
    ArrayNode cids = o.putArray("proposals");
    plan.proposalCids().forEach(cids::add);
    o.put("blocks", plan.blocks().size());
    forged(o, plan.rewards(), plan.fees());
    o.put("promised", Long.toString(plan.promised()));
    o.put("remainder", Long.toString(plan.remainder()));
    Map<String, Long> toPay = new HashMap<>();
    Map<String, PayoutBatch.Withheld> withheld = new HashMap<>();
    for (PayoutBatch b : run.batches()) {
      b.payments().forEach(p -> toPay.merge(p.address(), p.amount(), Long::sum));
      for (PayoutBatch.Withheld w : b.withheld()) {
        withheld.merge(
            w.address(),
            w,
            (x, y) -> new PayoutBatch.Withheld(x.address(), x.amount() + y.amount(), x.reason()));
      }
    }
    List<RecipientAmount> all = plan.recipients();
    int end = (int) Math.min(all.size(), page.offset() + page.limit());
    ArrayNode recipients = o.putArray("recipients");
    for (int i = (int) Math.min(all.size(), page.offset()); i < end; i++) {
      RecipientAmount r = all.get(i);
      ObjectNode line =
          recipients
              .addObject()
              .put("address", r.address())
              .put("amount", Long.toString(r.amount()))
              .put("asVoter", Long.toString(r.asVoter()))
              .put("asShare", Long.toString(r.asShare()));
      ArrayNode names = line.putArray("shares");
      r.shareNames().forEach(names::add);
      line.put("toPay", Long.toString(toPay.getOrDefault(r.address(), 0L)));
      PayoutBatch.Withheld w = withheld.get(r.address());
      if (w != null) {
        line.putObject("withheld")
            .put("amount", Long.toString(w.amount()))
            .put("reason", w.reason());
      }
    }
    o.putObject("recipientsPage")
        .put("page", page.page())
        .put("limit", page.limit())
        .put("count", recipients.size())
        .put("totalCount", all.size());
    o.set("alreadyPaid", paid(run.alreadyPaid()));
    ArrayNode unpaid = o.putArray("unpaid");
    for (PayoutBatch b : run.batches()) {
      unpaid
          .addObject()
          .put("memo", b.memo().toString())
          .put("fromHeight", b.memo().fromHeight())
          .put("toHeight", b.memo().toHeight())
          .put("amount", Long.toString(b.total()))
          .put("payments", b.payments().size())
          .put(
              "withheld",
              Long.toString(b.withheld().stream().mapToLong(PayoutBatch.Withheld::amount).sum()));
    }
    o.put("toPay", Long.toString(run.total()));
    return o;
  }

  /** One period of the open accounts. */
  ObjectNode account(
      AccountPeriods.Schedule schedule,
      AccountPeriods.Period period,
      Optional<AccountStatement> statement,
      Pagination lines) {
    ObjectNode o = F.objectNode();
    o.put("period", period.number());
    o.put("proposal", schedule.registration().cid());
    o.put("fromHeight", period.fromHeight());
    o.put("toHeight", period.toHeight());
    o.put("complete", period.complete());
    AccountStatement s = statement.orElse(null);
    forged(o, s == null ? 0 : s.rewards(), s == null ? 0 : s.fees());
    o.put("promised", Long.toString(s == null ? 0 : s.promised()));
    o.put("paid", Long.toString(s == null ? 0 : s.paid()));
    o.put("difference", Long.toString(s == null ? 0 : s.difference()));
    o.put("recipientCount", s == null ? 0 : s.lines().size());
    if (lines != null) {
      // one period asked for: its recipients a page at a time (one line per voter: unbounded)
      ArrayNode out = o.putArray("recipients");
      List<AccountStatement.Line> all = s == null ? List.of() : s.lines();
      int end = (int) Math.min(all.size(), lines.offset() + lines.limit());
      for (int i = (int) Math.min(all.size(), lines.offset()); i < end; i++) {
        AccountStatement.Line l = all.get(i);
        out.addObject()
            .put("address", l.address())
            .put("promised", Long.toString(l.promised()))
            .put("paid", Long.toString(l.paid()))
            .put("difference", Long.toString(l.difference()));
      }
    }
    o.set("payouts", paid(s == null ? List.of() : s.payouts()));
    o.set("crossing", paid(s == null ? List.of() : s.crossing()));
    return o;
  }

  private static ArrayNode paid(List<PaidPayout> payouts) {
    ArrayNode out = F.arrayNode();
    for (PaidPayout p : payouts) {
      out.addObject()
          .put("id", p.transactionId())
          .put("height", p.height())
          .put("memo", p.memo().toString())
          .put("fromHeight", p.memo().fromHeight())
          .put("toHeight", p.memo().toHeight())
          .put("amount", Long.toString(p.total()));
    }
    return out;
  }

  private static void delegate(ObjectNode o, String username, String address, String publicKey) {
    o.putObject("delegate")
        .put("username", username)
        .put("address", address)
        .put("publicKey", publicKey);
  }

  private static void forged(ObjectNode o, long rewards, long fees) {
    o.putObject("forged")
        .put("rewards", Long.toString(rewards))
        .put("fees", Long.toString(fees))
        .put("total", Long.toString(Math.addExact(rewards, fees)));
  }
}
