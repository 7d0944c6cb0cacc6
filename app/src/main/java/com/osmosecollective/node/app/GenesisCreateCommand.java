package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.genesis.spec.GenesisSpec;
import com.osmosecollective.node.genesis.spec.GenesisSpecReader;
import com.osmosecollective.node.genesis.spec.NetworkFiles;
import com.osmosecollective.node.genesis.spec.SeedKeys;
import com.osmosecollective.node.genesis.spec.SpecException;
import com.osmosecollective.node.genesis.spec.SpecNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osmose genesis create --spec SPEC.yaml --out DIR}. */
@Command(
    name = "create",
    description = {
      "Make a network from a genesis spec (YAML): writes DIR/network.json (the definition with its"
          + " signed genesis block: premine transfers, delegate registrations, optional self-votes;"
          + " nethash = payloadHash), DIR/delegates.secrets and DIR/accounts.json (owner-only).",
      "Every key derives from the seed: the same spec and seed give the same bytes. The seed"
          + " comes from --seed-file, else the spec's 'seed', else it is drawn at random (and kept"
          + " in accounts.json).",
      "Run the network with: osmose start --network DIR/network.json"
    })
final class GenesisCreateCommand implements Callable<Integer> {
  private static final long MAX_SEED_FILE_BYTES = 4096;

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "<spec.yaml>",
      description = "Genesis spec.")
  Path specFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "New (or empty) directory to write the network into.")
  Path out;

  @Option(
      names = "--seed-file",
      paramLabel = "<file>",
      description = "File whose first line is the seed (overrides the spec's seed).")
  Path seedFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GenesisSpec genesisSpec;
    try {
      genesisSpec = new GenesisSpecReader().read(specFile);
    } catch (SpecException e) {
      err.println("error: " + e.getMessage());
      return CommandLines.EXIT_BAD_INPUT;
    }
    boolean random = false;
    if (seedFile != null) {
      genesisSpec = genesisSpec.withSeed(readSeed(seedFile));
    } else if (genesisSpec.seed() == null) {
      genesisSpec = genesisSpec.withSeed(SeedKeys.randomSeed());
      random = true;
    }
    SpecNetwork.Created created = SpecNetwork.create(genesisSpec);
    NetworkFiles.write(created, out);
    Network network = created.network();
    stdout.printf("network %s written to %s%n", network.name(), out.toAbsolutePath());
    stdout.printf("  nethash:        %s%n", network.nethash());
    stdout.printf(
        "  genesis block:  %s, %d transactions, %s %s premined%n",
        network.genesisBlock().path("id").asText(),
        network.genesisBlock().path("numberOfTransactions").asInt(),
        EconomicsReport.coins(network.premine()),
        network.symbol());
    stdout.printf(
        "  delegates:      %d (%s1..%s%d)%s%n",
        created.plan().delegates().size(),
        genesisSpec.delegates().usernamePrefix(),
        genesisSpec.delegates().usernamePrefix(),
        genesisSpec.delegates().count(),
        created.plan().selfVotes() ? ", each voting for itself" : "");
    for (SpecNetwork.Named wallet : created.wallets()) {
      stdout.printf(
          "  %-15s %s  %s %s%n",
          wallet.name() + ":",
          wallet.account().address(network.pubKeyHash()),
          EconomicsReport.coins(wallet.account().amount()),
          network.symbol());
    }
    stdout.printf(
        "  files:          %s, %s and %s (the last two readable by you only)%n",
        NetworkFiles.NETWORK, NetworkFiles.DELEGATE_SECRETS, NetworkFiles.ACCOUNTS);
    if (random) {
      stdout.println(
          "  seed:           drawn at random, kept in "
              + NetworkFiles.ACCOUNTS
              + ": keep it secret, it rebuilds every genesis key");
    }
    stdout.printf(
        "run it: osmose start --network %s --forge --secrets %s%n",
        out.resolve(NetworkFiles.NETWORK), out.resolve(NetworkFiles.DELEGATE_SECRETS));
    stdout.flush();
    return 0;
  }

  private static String readSeed(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such seed file: " + file);
    }
    if (Files.size(file) > MAX_SEED_FILE_BYTES) {
      throw new IOException("seed file " + file + " is larger than 4 KiB");
    }
    String seed =
        Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    if (seed.length() < 8) {
      throw new IOException("the seed in " + file + " is shorter than 8 characters");
    }
    return seed;
  }
}
