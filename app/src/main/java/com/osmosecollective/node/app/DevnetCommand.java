package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osmose devnet}: a one-process local OSMOSE network whose node holds all 51 genesis
 * delegates' keys and forges every slot.
 */
@Command(
    name = "devnet",
    description =
        "Run a local OSMOSE devnet in one process: creates it on first run (genesis with 51"
            + " delegates and funded wallets), forges every slot, continues the same chain when run"
            + " again. Ctrl-C stops it cleanly.")
final class DevnetCommand implements Callable<Integer> {
  /**
   * A block is forged in the first floor(blocktime / 2) whole seconds of its slot and used only
   * with 2000 ms of the slot left (ARK's forger): both hold together from 3 s on.
   */
  static final int MIN_BLOCKTIME = 3;

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "REST API%n")
  ApiOptions api = new ApiOptions();

  @ArgGroup(validate = false, heading = "Devnet%n")
  DevnetOptions devnet = new DevnetOptions();

  @picocli.CommandLine.Mixin NewChainOption newChain = new NewChainOption();

  @Spec CommandSpec spec;

  static final class DevnetOptions {
    @Option(
        names = "--blocktime",
        paramLabel = "<seconds>",
        defaultValue = "${env:OSMOSE_BLOCKTIME}",
        description =
            "Seconds per block, written into the devnet's network file when it is created (default"
                + " 20; at least 3). Env: OSMOSE_BLOCKTIME.")
    Integer blocktime;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Integer blocktime = devnet.blocktime;
    if (blocktime != null && blocktime < MIN_BLOCKTIME) {
      err.println(
          "error: --blocktime must be at least "
              + MIN_BLOCKTIME
              + " s (a block is forged in the first half of its slot, in whole seconds, and used"
              + " only with 2 s of the slot left)");
      return CommandLines.EXIT_BAD_INPUT;
    }
    // a bad port fails here, before anything is created (one-line error, exit 2)
    Optional<InetSocketAddress> apiAddress = api.address();
    Path dataDir = storage.orDefault("devnet");
    DevnetNetworkFile.Devnet created = new DevnetNetworkFile().createOrLoad(dataDir, blocktime);
    Network network = created.network();
    int actual = network.milestones().at(1).blocktime();
    if (!created.created() && blocktime != null && blocktime != actual) {
      err.printf(
          "warning: this devnet was created with a blocktime of %d s; --blocktime %d is ignored"
              + " (delete %s to start a new devnet)%n",
          actual, blocktime, dataDir);
    }
    if (actual < MIN_BLOCKTIME) {
      err.printf(
          "error: this devnet was created with a blocktime of %d s, too short to forge in (at"
              + " least %d s); delete %s to start a new devnet%n",
          actual, MIN_BLOCKTIME, dataDir);
      return CommandLines.EXIT_BAD_INPUT;
    }
    boolean hasChain = DataDirGuard.hasChain(dataDir);
    if (!created.created() && !hasChain && !newChain.newChain) {
      // the network file is there but the chain is not: it was lost, not never made
      err.printf(
          "error: %s holds this devnet's network file but its chain database %s is missing or"
              + " empty; to start the devnet's chain anew from its genesis block add --new-chain,"
              + " or delete %s to make a new devnet%n",
          dataDir, dataDir.resolve("chain"), dataDir);
      return CommandLines.EXIT_BAD_INPUT;
    }
    printBanner(out, created, hasChain, dataDir, actual);
    DelegateKeys keys =
        DelegateKeys.fromPassphrases(
            created.plan().delegates().stream().map(GenesisAccount::passphrase).toList());
    NodeRunner runner = NodeRunner.onSignals();
    NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dataDir, keys, Clock.systemUTC())
                .withApi(apiAddress)
                .withNewChain(created.created() || newChain.newChain));
    ChainSnapshot start = node.chain().snapshot();
    node.apiAddress()
        .ifPresent(
            a -> out.printf("  REST API:     http://%s:%d/api%n", a.getHostString(), a.getPort()));
    out.printf("chain at height %d; forging every slot. Ctrl-C to stop.%n", start.height());
    out.flush();
    return runner.run(node);
  }

  private static void printBanner(
      PrintWriter out,
      DevnetNetworkFile.Devnet devnet,
      boolean hasChain,
      Path dataDir,
      int blocktime) {
    Network network = devnet.network();
    out.printf(
        "OSMOSE devnet (%s)%n",
        devnet.created()
            ? "created a new chain"
            : hasChain
                ? "continuing the existing chain"
                : "a new chain from the existing network file (--new-chain)");
    out.printf("  data dir:     %s%n", dataDir.toAbsolutePath());
    out.printf("  network file: %s%n", devnet.file().toAbsolutePath());
    out.printf("  nethash:      %s%n", network.nethash());
    out.printf("  blocktime:    %d s, %d delegates%n", blocktime, devnet.plan().delegates().size());
    out.println("  funded wallets (address, balance at genesis, passphrase):");
    for (GenesisAccount wallet : devnet.plan().funded()) {
      out.printf(
          "    %s  %s %s  \"%s\"%n",
          wallet.address(network.pubKeyHash()),
          wallet.amount() / 100_000_000L,
          network.symbol().isEmpty() ? network.token() : network.symbol(),
          wallet.passphrase());
    }
    out.printf(
        "  delegate passphrases: \"%s\" … \"%s\"%n",
        devnet.plan().delegates().get(0).passphrase(),
        devnet.plan().delegates().get(devnet.plan().delegates().size() - 1).passphrase());
    out.println("  (public test keys: never use them on a real network)");
    out.flush();
  }
}
