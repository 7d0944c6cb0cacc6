package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.config.settings.ApiSettings;
import com.osmosecollective.node.config.settings.DevnetSettings;
import com.osmosecollective.node.config.settings.LoggingSettings;
import com.osmosecollective.node.config.settings.P2pSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.config.settings.WebhookSettings;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
  @Mixin ConfigOption config;

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "REST API%n")
  ApiOptions api = new ApiOptions();

  @ArgGroup(validate = false, heading = "P2P%n")
  P2pOptions p2p = new P2pOptions();

  @ArgGroup(validate = false, heading = "Devnet%n")
  DevnetOptions devnet = new DevnetOptions();

  @ArgGroup(validate = false, heading = "Logging%n")
  LoggingOptions logging = new LoggingOptions();

  @Mixin NewChainOption newChain = new NewChainOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(storage, api, p2p, devnet, logging);
    StorageSettings storageSettings = StorageSettings.resolve(sources, "devnet");
    ApiSettings apiSettings = ApiSettings.resolve(sources);
    WebhookSettings webhookSettings = WebhookSettings.resolve(sources);
    // a devnet's P2P port is ARK's devnet port unless given
    P2pSettings p2pSettings =
        P2pSettings.resolve(sources, Optional.of(new NetworkLoader().loadShipped("devnet")));
    DevnetSettings devnetSettings = DevnetSettings.resolve(sources);
    LoggingSettings loggingSettings = LoggingSettings.resolve(sources);
    sources.requireValid();
    // listen addresses that cannot work fail here, before anything is created (exit 2)
    Optional<InetSocketAddress> apiAddress = StartCommand.apiAddress(apiSettings);
    Optional<InetSocketAddress> webhooksAddress =
        StartCommand.webhooksAddress(webhookSettings, apiSettings);
    StartCommand.checkP2pAddress(p2pSettings);
    Path dataDir = storageSettings.path();
    NodeLogging.attach(loggingSettings, dataDir);
    Optional<String> foreign = foreignChain(dataDir);
    if (foreign.isPresent()) {
      err.println("error: " + foreign.get());
      return CommandLines.EXIT_BAD_INPUT;
    }
    Integer blocktime = devnetSettings.blocktime().value().orElse(null);
    DevnetNetworkFile.Devnet created = new DevnetNetworkFile().createOrLoad(dataDir, blocktime);
    Network network = created.network();
    int actual = network.milestones().at(1).blocktime();
    if (!created.created() && blocktime != null && blocktime != actual) {
      err.printf(
          "warning: this devnet was created with a blocktime of %d s; --blocktime %d is ignored"
              + " (delete %s to start a new devnet)%n",
          actual, blocktime, dataDir);
    }
    if (actual < DevnetSettings.MIN_BLOCKTIME) {
      err.printf(
          "error: this devnet was created with a blocktime of %d s, too short to forge in (at"
              + " least %d s); delete %s to start a new devnet%n",
          actual, DevnetSettings.MIN_BLOCKTIME, dataDir);
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
    List<String> passphrases =
        created.plan().delegates().stream().map(GenesisAccount::passphrase).toList();
    Path secrets = writeSecretsOnce(dataDir, passphrases);
    printBanner(out, created, hasChain, dataDir, actual, secrets);
    DelegateKeys keys = DelegateKeys.fromPassphrases(passphrases);
    NodeRunner runner = NodeRunner.onSignals();
    NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dataDir, keys, Clock.systemUTC())
                .withApi(apiAddress)
                .withWebhooks(webhooksAddress)
                .withP2p(
                    P2pOptions.service(
                        p2pSettings, apiAddress.map(InetSocketAddress::getPort).orElse(0)))
                .withNewChain(created.created() || newChain.newChain));
    ChainSnapshot start = node.chain().snapshot();
    node.apiAddress()
        .ifPresent(
            a -> out.printf("  REST API:     http://%s:%d/api%n", a.getHostString(), a.getPort()));
    node.webhooksAddress()
        .ifPresent(
            a ->
                out.printf(
                    "  Webhooks:     http://%s:%d/api/webhooks%n", a.getHostString(), a.getPort()));
    node.p2pAddress()
        .ifPresent(
            a ->
                out.printf(
                    "  P2P:          port %d; other nodes join with: osmose start --network %s"
                        + " --peers 127.0.0.1:%d --data-dir <their dir> [--p2p-port <another"
                        + " port> --api-port <another port> on this machine] [--forge --secrets"
                        + " <some of the delegates' lines>]%n",
                    a.getPort(), created.file().toAbsolutePath(), a.getPort()));
    out.printf("chain at height %d; forging every slot. Ctrl-C to stop.%n", start.height());
    out.flush();
    return runner.run(node);
  }

  /**
   * A data dir holding a chain but no network file is not a devnet's (osmose devnet writes its
   * network file first): nothing is written into it.
   */
  private static Optional<String> foreignChain(Path dataDir) throws IOException {
    if (Files.exists(dataDir.resolve("network.json")) || !DataDirGuard.hasChain(dataDir)) {
      return Optional.empty();
    }
    String whose;
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(dataDir), null)) {
      whose =
          KnownNetworks.name(reader.nethash(), dataDir)
              .map(name -> "the chain of " + name)
              .orElse("the chain of another network (nethash " + reader.nethash() + ")");
    } catch (StoreOpenException e) {
      whose = "a chain database";
    }
    return Optional.of(
        dataDir
            + " holds "
            + whose
            + " and no devnet network file: it is not a devnet's data dir; give the devnet its own"
            + " --data-dir (by default ~/.osmose/devnet)");
  }

  /**
   * The delegates' passphrases as a secrets file other nodes can forge with (owner-only, as the
   * forger requires), written once beside the network file.
   */
  private static Path writeSecretsOnce(Path dataDir, List<String> passphrases) throws IOException {
    Path file = dataDir.resolve("delegates.secrets");
    if (!Files.exists(file)) {
      SecretsFile.write(file, passphrases);
    }
    return file;
  }

  private static void printBanner(
      PrintWriter out,
      DevnetNetworkFile.Devnet devnet,
      boolean hasChain,
      Path dataDir,
      int blocktime,
      Path secrets) {
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
        "  delegate passphrases: \"%s\" … \"%s\" (one per line in %s)%n",
        devnet.plan().delegates().get(0).passphrase(),
        devnet.plan().delegates().get(devnet.plan().delegates().size() - 1).passphrase(),
        secrets.toAbsolutePath());
    out.println("  (public test keys: never use them on a real network)");
    out.flush();
  }
}
