package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.EconomicsProjection;
import com.osmosecollective.node.consensus.EconomicsYear;
import com.osmosecollective.node.genesis.spec.GenesisSpec;
import com.osmosecollective.node.genesis.spec.GenesisSpecReader;
import com.osmosecollective.node.genesis.spec.SpecException;
import com.osmosecollective.node.genesis.spec.SpecNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code osmose economics}: the yearly emission of a network, from its milestones and premine. */
@Command(
    name = "economics",
    description = {
      "Print the yearly block rewards, supply and inflation of a network, from its milestones"
          + " and premine.",
      "A year is 365 x 24 x 3600 seconds of blocks at the blocktime in force, no missed slots."
    })
final class EconomicsCommand implements Callable<Integer> {
  static final int MAX_YEARS = 1000;

  @Mixin NetworkOptions networkOptions;

  @Option(
      names = "--years",
      defaultValue = "10",
      description = "Number of years to show, from height 1 (1-" + MAX_YEARS + ", default 10).")
  int years;

  @Option(names = "--json", description = "Machine-readable JSON (amounts in arktoshi).")
  boolean json;

  @Option(
      names = "--spec",
      paramLabel = "<spec.yaml>",
      description =
          "A genesis spec (as for genesis create) instead of --network: its premine and reward"
              + " table, e.g. genesis/specs/whitepaper.yaml for the white paper's table.")
  Path specFile;

  @Spec CommandSpec spec;

  private GenesisSpec genesisSpec;

  @Override
  public Integer call() throws Exception {
    if (years < 1 || years > MAX_YEARS) {
      throw new ParameterException(
          spec.commandLine(), "--years must be between 1 and " + MAX_YEARS + ", got " + years);
    }
    if (networkOptions.height != null) {
      throw new ParameterException(
          spec.commandLine(), "--height does not apply: economics always starts at height 1");
    }
    Network network = network();
    List<EconomicsYear> table;
    try {
      table = new EconomicsProjection(network.milestones(), network.premine()).years(years);
    } catch (ArithmeticException e) {
      throw new IllegalStateException(
          "the supply exceeds the largest representable amount (2^63-1 arktoshi) within "
              + years
              + " years; ask for fewer years",
          e);
    }
    String output =
        json
            ? EconomicsReport.json(network, table)
            : premineSplit() + EconomicsReport.text(network, table);
    spec.commandLine().getOut().print(output);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The spec's premine distribution, one line, before the table; empty without a spec. */
  private String premineSplit() {
    if (genesisSpec == null) {
      return "";
    }
    StringBuilder line = new StringBuilder("Premine split:");
    String separator = " ";
    for (GenesisSpec.Allocation allocation : genesisSpec.distribution()) {
      line.append(separator).append(allocation.name()).append(' ');
      line.append(
          allocation.percent() != null
              ? allocation.percent().stripTrailingZeros().toPlainString() + "%"
              : EconomicsReport.coins(allocation.amount()));
      separator = ", ";
    }
    if (genesisSpec.delegates().balance() > 0) {
      line.append(separator)
          .append(genesisSpec.delegates().count())
          .append(" delegates ")
          .append(EconomicsReport.coins(genesisSpec.delegates().balance()))
          .append(" each");
    }
    return line.append('\n').toString();
  }

  private Network network() throws Exception {
    if (specFile == null) {
      return networkOptions.load();
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--network")) {
      throw new ParameterException(spec.commandLine(), "give either --network or --spec, not both");
    }
    try {
      genesisSpec = new GenesisSpecReader().read(specFile);
      return SpecNetwork.rules(genesisSpec);
    } catch (SpecException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
