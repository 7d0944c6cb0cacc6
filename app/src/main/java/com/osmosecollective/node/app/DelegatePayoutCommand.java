package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.payout.HeightRange;
import com.osmosecollective.node.funding.payout.PaidPayout;
import com.osmosecollective.node.funding.payout.PayoutBatch;
import com.osmosecollective.node.funding.payout.PayoutOptions;
import com.osmosecollective.node.funding.payout.PayoutRun;
import com.osmosecollective.node.funding.payout.PayoutTransactions;
import com.osmosecollective.node.funding.payout.RecipientAmount;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.StoreOpenException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osmose delegate payout}: what a delegate owes its voters and named recipients for a height
 * range (true block weight), as multi-payments signed with its key.
 */
@Command(
    name = "payout",
    description = {
      "Plan a delegate's payout for heights --from..--to from a data dir (opened read-only; the"
          + " node may run): each recipient's share of every block the delegate forged, by its"
          + " proposal in force and its voters' weights at that block. Heights an earlier payout's"
          + " memo names are left out, so a second run over the same range builds nothing."
          + " Prints the table, then signs multi-payments (at most multiPaymentLimit recipients"
          + " each, the milestone's fee, memo 'osmose payout <username> <from>-<to>'); --broadcast"
          + " posts them, else they are printed as JSON.",
      "Exit 0, 1 the node refused a transaction, 2 bad input, 3 the chain cannot be read, 4 the"
          + " proposal's document is not on this node (post it to /api/proposals)."
    })
final class DelegatePayoutCommand implements Callable<Integer> {
  static final int EXIT_NO_DOCUMENT = 4;

  @Option(
      names = "--delegate",
      required = true,
      paramLabel = "<username|address|publicKey>",
      description = "The delegate paying.")
  String delegate;

  @Option(names = "--from", required = true, paramLabel = "<height>", description = "First height.")
  long from;

  @Option(names = "--to", required = true, paramLabel = "<height>", description = "Last height.")
  long to;

  @Option(
      names = "--min-amount",
      paramLabel = "<coins>",
      description =
          "Pay no recipient owed less (in coins, e.g. 0.5); default the proposal's minimumPayout."
              + " What is withheld stays owed in the open accounts.")
  BigDecimal minAmount;

  @Option(
      names = "--exclude",
      arity = "1..*",
      paramLabel = "<address>",
      description = "Addresses this payout never pays.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the table only; sign nothing.")
  boolean dryRun;

  @Option(
      names = "--broadcast",
      paramLabel = "<url>",
      description = "Post the signed payouts to this node's API, e.g. http://127.0.0.1:4003.")
  String broadcast;

  @Mixin SigningToolOptions signing;

  @Mixin DataDirOption dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = signing.sources(dataDir);
    Network net = SigningToolOptions.network(sources);
    Optional<String> bad = checkInput(net);
    if (bad.isPresent()) {
      err.println("error: " + bad.get());
      return CommandLines.EXIT_BAD_INPUT;
    }
    Path dir = StorageSettings.resolve(sources, net.name()).path();
    try (StoreDelegateView view = StoreDelegateView.open(dir, net)) {
      Funding funding = view.funding();
      Optional<Wallet> wallet = funding.payouts().find(delegate);
      if (wallet.isEmpty()) {
        err.println("error: no registered delegate '" + delegate + "' in " + view.source());
        return DelegateCommand.EXIT_NOT_A_DELEGATE;
      }
      long tip = view.queries().tip().map(ChainTip::height).orElse(0L);
      if (to > tip) {
        err.println("error: --to " + to + " is above the chain's tip " + tip);
        return CommandLines.EXIT_BAD_INPUT;
      }
      PayoutOptions options =
          new PayoutOptions(minAmount == null ? null : arktoshi(minAmount), Set.copyOf(exclude));
      PayoutRun run;
      try {
        run = funding.payouts().run(wallet.get().address(), new HeightRange(from, to), options);
      } catch (ProposalUnavailableException e) {
        err.println("error: " + e.getMessage());
        return EXIT_NO_DOCUMENT;
      }
      out.print(table(run, net));
      out.flush();
      if (run.batches().stream().allMatch(b -> b.payments().isEmpty())) {
        out.println("nothing to pay");
        out.flush();
        return 0;
      }
      if (dryRun) {
        out.println("dry run: nothing signed");
        out.flush();
        return 0;
      }
      if (signing.secrets == null) {
        err.println("error: give --secrets with the delegate's key to sign (or --dry-run)");
        return CommandLines.EXIT_BAD_INPUT;
      }
      Optional<PrivateKey> key = signing.key(wallet.get().publicKey(), net.pubKeyHash(), err);
      if (key.isEmpty()) {
        return CommandLines.EXIT_BAD_INPUT;
      }
      long nonce = wallet.get().nonce() + 1;
      List<Transaction> txs =
          PayoutTransactions.build(
              run, key.get(), nonce, net.milestones().at(tip + 1), net.pubKeyHash());
      out.printf(
          "signed %d transaction(s), fees %s%n",
          txs.size(), EconomicsReport.coins(PayoutTransactions.fees(txs)));
      if (broadcast == null) {
        for (Transaction tx : txs) {
          out.println(Json.mapper().writeValueAsString(TransactionJson.toJson(tx)));
        }
        out.flush();
        return 0;
      }
      txs.forEach(tx -> out.println("  " + tx.id()));
      out.flush();
      return new Broadcast(broadcast).postAndReport(txs, out, err);
    } catch (StoreOpenException e) {
      err.println("error: " + e.getMessage());
      return DelegateCommand.EXIT_UNREADABLE;
    }
  }

  private Optional<String> checkInput(Network net) {
    if (from < 2 || to < from) {
      return Optional.of(
          "--from and --to must name heights with 2 <= --from <= --to (got "
              + from
              + "-"
              + to
              + ")");
    }
    if (minAmount != null
        && (minAmount.signum() < 0 || minAmount.stripTrailingZeros().scale() > 8)) {
      return Optional.of("--min-amount must be a non-negative amount with at most 8 decimals");
    }
    for (String address : exclude) {
      if (!Address.isValid(address, net.pubKeyHash())) {
        return Optional.of("--exclude " + address + " is not an address of " + net.name());
      }
    }
    if (signing.secrets == null && !dryRun && broadcast != null) {
      return Optional.of("--broadcast needs --secrets to sign");
    }
    return Optional.empty();
  }

  private static long arktoshi(BigDecimal coins) {
    return coins.movePointRight(8).longValueExact();
  }

  static String table(PayoutRun run, Network net) {
    String symbol = net.symbol().isEmpty() ? "coins" : net.symbol();
    StringBuilder out = new StringBuilder();
    out.append("payout of ")
        .append(run.username())
        .append(" (")
        .append(run.delegateAddress())
        .append(") for heights ")
        .append(run.requested().from())
        .append('-')
        .append(run.requested().to())
        .append('\n');
    for (PaidPayout p : run.alreadyPaid()) {
      out.append("  already paid: ")
          .append(p.memo())
          .append(" in ")
          .append(p.transactionId())
          .append(" at height ")
          .append(p.height())
          .append(", ")
          .append(EconomicsReport.coins(p.total()))
          .append(' ')
          .append(symbol)
          .append('\n');
    }
    for (PayoutBatch b : run.batches()) {
      var plan = b.plan();
      out.append("  ")
          .append(b.memo())
          .append(": ")
          .append(plan.blocks().size())
          .append(" block(s) forged, ")
          .append(EconomicsReport.coins(plan.forged()))
          .append(' ')
          .append(symbol)
          .append(" (rewards ")
          .append(EconomicsReport.coins(plan.rewards()))
          .append(", fees ")
          .append(EconomicsReport.coins(plan.fees()))
          .append("); promised ")
          .append(EconomicsReport.coins(plan.promised()))
          .append(", remainder ")
          .append(EconomicsReport.coins(plan.remainder()))
          .append('\n');
      out.append(String.format("    %-36s %20s  %s%n", "recipient", "amount", "as"));
      for (PayoutBatch.Payment p : b.payments()) {
        RecipientAmount r = plan.recipient(p.address()).orElseThrow();
        out.append(
            String.format(
                "    %-36s %20s  %s%n", p.address(), EconomicsReport.coins(p.amount()), role(r)));
      }
      for (PayoutBatch.Withheld w : b.withheld()) {
        out.append(
            String.format(
                "    %-36s %20s  withheld: %s%n",
                w.address(), EconomicsReport.coins(w.amount()), w.reason()));
      }
      out.append("    to pay: ")
          .append(EconomicsReport.coins(b.total()))
          .append(' ')
          .append(symbol)
          .append(" to ")
          .append(b.payments().size())
          .append(" recipient(s)\n");
    }
    if (run.batches().isEmpty()) {
      out.append("  no unpaid heights with anything promised in this range\n");
    }
    return out.toString();
  }

  private static String role(RecipientAmount r) {
    List<String> roles = new ArrayList<>();
    if (r.asVoter() > 0) {
      roles.add("voter");
    }
    roles.addAll(r.shareNames());
    return String.join(", ", roles);
  }
}
