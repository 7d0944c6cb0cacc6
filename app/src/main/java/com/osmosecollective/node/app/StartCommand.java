package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.forger.DelegateKeyLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.PasswordSource;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osmose start}: the node daemon (relay; with {@code --forge} also a forger). */
@Command(
    name = "start",
    description =
        "Start the node: opens the chain database (resuming at its committed tip, no replay) and,"
            + " with --forge, forges for the delegates in the secrets file.")
final class StartCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

  @ArgGroup(validate = false, heading = "Network%n")
  NetworkGroup networkGroup = new NetworkGroup();

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "REST API%n")
  ApiOptions api = new ApiOptions();

  @ArgGroup(validate = false, heading = "Forging%n")
  ForgingOptions forging = new ForgingOptions();

  @picocli.CommandLine.Mixin NewChainOption newChain = new NewChainOption();

  @Spec CommandSpec spec;

  static final class NetworkGroup {
    @Option(
        names = "--network",
        paramLabel = "<name|file>",
        defaultValue = "${env:OSMOSE_NETWORK:-mainnet}",
        description =
            "Shipped network (mainnet, devnet, osmose-2018) or a network file, e.g. a devnet's"
                + " <data-dir>/network.json. Env: OSMOSE_NETWORK.")
    String network;
  }

  static final class ForgingOptions {
    @Option(
        names = "--forge",
        defaultValue = "${env:OSMOSE_FORGE:-false}",
        description = "Forge for the delegates in --secrets. Env: OSMOSE_FORGE.")
    boolean forge;

    @Option(
        names = "--secrets",
        paramLabel = "<file>",
        defaultValue = "${env:OSMOSE_SECRETS}",
        description =
            "File of delegate secrets, one per line, readable by its owner only (chmod 600): a"
                + " BIP39 passphrase, or bip38:<6P...> for a BIP38-encrypted key. Env:"
                + " OSMOSE_SECRETS.")
    Path secrets;

    @Option(
        names = "--bip38-password-env",
        paramLabel = "<name>",
        defaultValue = PasswordSource.DEFAULT_ENV,
        description =
            "Environment variable holding the password of the BIP38 keys in --secrets (default:"
                + " ${DEFAULT-VALUE}); when it is unset and a terminal is attached, the password"
                + " is asked without echo.")
    String bip38PasswordEnv;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Network network = new NetworkLoader().load(networkGroup.network);
    if (!network.hasGenesisBlock()) {
      err.println(
          "error: network "
              + network.name()
              + " has no genesis block yet; for a local chain run: osmose devnet");
      return CommandLines.EXIT_BAD_INPUT;
    }
    DelegateKeys keys = new DelegateKeys(List.of());
    if (forging.forge) {
      if (forging.secrets == null) {
        err.println("error: --forge needs --secrets <file> (or OSMOSE_SECRETS)");
        return CommandLines.EXIT_BAD_INPUT;
      }
      try {
        keys = bip38Loader().load(SecretsFile.read(forging.secrets));
      } catch (SecretsFile.SecretsException e) {
        err.println("error: " + e.getMessage());
        return CommandLines.EXIT_BAD_INPUT;
      }
    }
    // a bad port fails here, before anything is created (one-line error, exit 2)
    Optional<InetSocketAddress> apiAddress = api.address();
    Path dataDir = storage.orDefault(network.name());
    // No peers can be configured until P2P exists. P2P will pass its NodeAssembly.PeerNetwork in
    // the settings; the forger then forges when the peers' quorum allows (or alone on a network
    // whose definition says it is a local devnet), and never without peers.
    NodeRunner runner = NodeRunner.onSignals();
    NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dataDir, keys, Clock.systemUTC())
                .withApi(apiAddress)
                .withNewChain(newChain.newChain));
    ChainSnapshot start = node.chain().snapshot();
    LOG.info(
        "node started on {} at height {} (data dir {})", network.name(), start.height(), dataDir);
    if (!network.localDevnet()) {
      LOG.info(
          "no P2P yet: this node has no peers, so it runs as a relay at its tip{}",
          keys.isEmpty()
              ? ""
              : " and does not forge (a delegate forges only with its peers' quorum)");
    }
    return runner.run(node);
  }

  /** The password comes from the environment or a prompt, never from the command line (ps). */
  private DelegateKeyLoader bip38Loader() {
    String variable = forging.bip38PasswordEnv;
    PasswordSource passwords =
        PasswordSource.environment(variable, System::getenv)
            .orElse(PasswordSource.prompt(System.console(), "BIP38 password of the forger keys: "));
    return new DelegateKeyLoader(
        passwords, "set " + variable + " or start in a terminal to be asked for it");
  }
}
