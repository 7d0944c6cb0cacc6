package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.genesis.GenesisCheck;
import com.osmosecollective.node.genesis.GenesisReport;
import com.osmosecollective.node.genesis.GenesisVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmose genesis verify <genesisBlock.json>}. */
@Command(
    name = "genesis",
    description = "Genesis block tools.",
    subcommands = {GenesisCommand.Verify.class, GenesisCreateCommand.class})
final class GenesisCommand {
  static final int EXIT_INVALID = 1;
  private static final long MAX_GENESIS_BYTES = 64L * 1024 * 1024;

  @Command(
      name = "verify",
      description =
          "Check every transaction id and signature, the block signature and id, the totals and"
              + " payloadHash = nethash. Exit code 1 if anything fails.")
  static final class Verify implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Mixin NetworkOption network;

    @Option(
        names = "--network-file",
        paramLabel = "<file>",
        description = "A network file in ARK's crypto.json shape (instead of --network).")
    Path networkFile;

    @Parameters(index = "0", paramLabel = "<genesisBlock.json>")
    Path genesisFile;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Network network = loadNetwork();
      JsonNode genesis = readGenesis();
      GenesisReport report =
          new GenesisVerifier(network, SignatureVerifiers.best()).verify(genesis);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "genesis block %s of network %s: %d transactions%n",
          report.blockId(), network.name(), report.transactionCount());
      for (GenesisCheck check : report.checks()) {
        out.printf(
            "  %-4s %-24s %s%n", check.passed() ? "ok" : "FAIL", check.name(), check.detail());
      }
      out.println(
          report.valid() ? "valid" : "INVALID: " + report.failures().size() + " check(s) failed");
      return report.valid() ? 0 : EXIT_INVALID;
    }

    private Network loadNetwork() throws Exception {
      if (networkFile != null) {
        if (network.network != null) {
          throw new IllegalArgumentException("give either --network or --network-file, not both");
        }
        return new NetworkLoader().loadFile(networkFile);
      }
      SettingsSources sources = config.sources(network);
      NetworkSettings chosen = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
      sources.requireValid();
      return chosen.network();
    }

    private JsonNode readGenesis() throws IOException {
      if (!Files.isRegularFile(genesisFile)) {
        throw new IOException("no such file: " + genesisFile);
      }
      if (Files.size(genesisFile) > MAX_GENESIS_BYTES) {
        throw new IOException(genesisFile + " is larger than 64 MiB");
      }
      return Json.mapper().readTree(genesisFile.toFile());
    }
  }
}
