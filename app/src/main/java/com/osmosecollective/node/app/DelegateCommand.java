package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.storage.StoreOpenException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmose delegate}: tools for a delegate's operator. */
@Command(
    name = "delegate",
    description = "Delegate tools.",
    subcommands = {
      DelegateCommand.Status.class,
      DelegateProposalCommand.class,
      DelegatePayoutCommand.class
    })
final class DelegateCommand implements Runnable {
  static final int EXIT_NOT_A_DELEGATE = 1;
  static final int EXIT_REFUSED = 1;

  /** Payout periods the status shows (newest first). */
  static final int STATUS_PERIODS = 3;

  static final int EXIT_UNREADABLE = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code osmose delegate status}. */
  @Command(
      name = "status",
      description = {
        "A delegate's rank, votes, whether it forges in the current round, its next slot and its"
            + " time, produced and missed blocks and its last block, from a running node's API"
            + " (--api) or a data dir opened read-only (--data-dir).",
        "Exit 0, 1 no such delegate, 2 bad input, 3 the chain cannot be read."
      })
  static final class Status implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Mixin NetworkOption network;

    @Mixin ChainSourceOptions source;

    @Option(names = "--json", description = "Machine-readable JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "<username|address|publicKey>")
    String id;

    @Spec CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SettingsSources sources = config.sources(network, source);
      NetworkSettings chosen = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
      sources.requireValid();
      Network net = chosen.network();
      try (DelegateView view = source.open(net, sources)) {
        Optional<DelegateView.Delegate> delegate = view.delegate(id);
        if (delegate.isEmpty()) {
          err.println("error: no registered delegate '" + id + "' in " + view.source());
          return EXIT_NOT_A_DELEGATE;
        }
        DelegateStatus status = DelegateStatus.of(view, net, clock, delegate.get());
        List<DelegateView.AccountPeriod> accounts;
        String accountsProblem = null;
        try {
          accounts = view.accounts(delegate.get().address(), STATUS_PERIODS);
        } catch (DelegateView.ViewException e) {
          accounts = List.of();
          accountsProblem = e.getMessage();
        }
        ObjectNode asJson = json(status);
        accountsJson(asJson, accounts, accountsProblem);
        out.print(
            json
                ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson) + "\n"
                : text(status, net, view.source(), clock.instant())
                    + accountsText(accounts, accountsProblem, net));
        out.flush();
        return 0;
      } catch (StoreOpenException e) {
        err.println("error: " + e.getMessage());
        return EXIT_UNREADABLE;
      } catch (DelegateView.ViewException e) {
        err.println("error: " + e.getMessage());
        return EXIT_UNREADABLE;
      }
    }
  }

  static String text(DelegateStatus s, Network network, String source, Instant now) {
    DelegateView.Delegate d = s.delegate();
    String symbol = network.symbol().isEmpty() ? "coins" : network.symbol();
    StringBuilder out = new StringBuilder();
    out.append("delegate ").append(d.username()).append('\n');
    line(out, "address", d.address());
    line(out, "public key", d.publicKey());
    line(
        out,
        "rank",
        (d.rank() > 0 ? Integer.toString(d.rank()) : "unranked")
            + (d.resigned() ? " (resigned)" : ""));
    line(out, "votes", EconomicsReport.coins(d.votes()) + " " + symbol);
    line(
        out,
        "forging",
        (s.active() ? "active" : "not active")
            + " in round "
            + s.round()
            + " (until height "
            + s.roundLastHeight()
            + "; chain at "
            + s.tipHeight()
            + ")");
    if (s.nextSlot() != null) {
      line(
          out,
          "next slot",
          s.nextSlot().slot()
              + " at "
              + s.nextSlot().time()
              + " ("
              + in(Duration.between(now, s.nextSlot().time()))
              + ", if the slots before it are filled)");
    } else {
      line(
          out,
          "next slot",
          s.active()
              ? "none left in round " + s.round() + "; the next round's order is drawn at its start"
              : "none: not among the round's forging delegates");
    }
    line(
        out,
        "blocks",
        d.produced()
            + " produced, "
            + (d.missed() == null ? "missed unknown (not in the API)" : d.missed() + " missed"));
    LastBlock last = d.lastBlock();
    line(
        out,
        "last block",
        last == null
            ? "none"
            : "height "
                + last.height()
                + " "
                + last.id()
                + " at "
                + Instant.ofEpochSecond(network.epoch().getEpochSecond() + last.timestamp()));
    line(out, "read from", source);
    return out.toString();
  }

  /** The open accounts of the latest payout periods ("l'état des finances"). */
  static String accountsText(
      List<DelegateView.AccountPeriod> accounts, String problem, Network network) {
    String symbol = network.symbol().isEmpty() ? "coins" : network.symbol();
    StringBuilder out = new StringBuilder();
    if (problem != null) {
      line(out, "accounts", "unavailable: " + problem);
      return out.toString();
    }
    if (accounts.isEmpty()) {
      line(out, "accounts", "no proposal registered, or no block since its registration");
      return out.toString();
    }
    out.append("  accounts (payout periods of its proposal, newest first; ")
        .append(symbol)
        .append(")\n");
    for (DelegateView.AccountPeriod p : accounts) {
      out.append(
          String.format(
              "    period %d, heights %d-%d%s: forged %s, promised %s, paid %s, difference %s%n",
              p.period(),
              p.fromHeight(),
              p.toHeight(),
              p.complete() ? "" : " (open)",
              EconomicsReport.coins(p.forged()),
              EconomicsReport.coins(p.promised()),
              EconomicsReport.coins(p.paid()),
              EconomicsReport.coins(p.difference())));
    }
    return out.toString();
  }

  static void accountsJson(
      ObjectNode o, List<DelegateView.AccountPeriod> accounts, String problem) {
    if (problem != null) {
      o.put("accountsError", problem);
    }
    var list = o.putArray("accounts");
    for (DelegateView.AccountPeriod p : accounts) {
      list.addObject()
          .put("period", p.period())
          .put("fromHeight", p.fromHeight())
          .put("toHeight", p.toHeight())
          .put("complete", p.complete())
          .put("forged", Long.toString(p.forged()))
          .put("promised", Long.toString(p.promised()))
          .put("paid", Long.toString(p.paid()))
          .put("difference", Long.toString(p.difference()));
    }
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append("  ").append(String.format("%-12s", name + ":")).append(value).append('\n');
  }

  private static String in(Duration d) {
    long seconds = d.toSeconds();
    if (seconds <= 0) {
      return "now";
    }
    return seconds < 120 ? "in " + seconds + " s" : "in " + (seconds / 60) + " min";
  }

  static ObjectNode json(DelegateStatus s) {
    DelegateView.Delegate d = s.delegate();
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("username", d.username());
    o.put("address", d.address());
    o.put("publicKey", d.publicKey());
    o.put("rank", d.rank());
    o.put("votes", Long.toString(d.votes()));
    o.put("resigned", d.resigned());
    o.put("active", s.active());
    o.put("round", s.round());
    o.put("roundLastHeight", s.roundLastHeight());
    o.put("tipHeight", s.tipHeight());
    if (s.nextSlot() != null) {
      o.putObject("nextSlot")
          .put("slot", s.nextSlot().slot())
          .put("epochTime", s.nextSlot().epochTime())
          .put("time", s.nextSlot().time().toString());
    } else {
      o.putNull("nextSlot");
    }
    o.put("producedBlocks", d.produced());
    if (d.missed() == null) {
      o.putNull("missedBlocks");
    } else {
      o.put("missedBlocks", d.missed());
    }
    if (d.lastBlock() != null) {
      o.putObject("lastBlock")
          .put("height", d.lastBlock().height())
          .put("id", d.lastBlock().id())
          .put("timestamp", d.lastBlock().timestamp());
    } else {
      o.putNull("lastBlock");
    }
    return o;
  }
}
