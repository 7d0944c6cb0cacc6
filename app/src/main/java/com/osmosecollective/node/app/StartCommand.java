package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.ApiSettings;
import com.osmosecollective.node.config.settings.Environment;
import com.osmosecollective.node.config.settings.ForgingSettings;
import com.osmosecollective.node.config.settings.NodeSettings;
import com.osmosecollective.node.config.settings.P2pSettings;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.WebhookSettings;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osmose start}: the node daemon (relay; with {@code --forge} also a forger). */
@Command(
    name = "start",
    description =
        "Start the node: opens the chain database (resuming at its committed tip, no replay) and,"
            + " with --forge, forges for the delegates in the secrets file. Each setting comes"
            + " from its flag, else its OSMOSE_* variable, else the settings file (--config), else"
            + " its default; osmose config check shows them.")
final class StartCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

  @Mixin ConfigOption config;

  @Mixin NodeOptions options;

  @Mixin NewChainOption newChain = new NewChainOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(options);
    NodeSettings settings = NodeSettings.resolve(sources);
    sources.requireValid();
    Network network = settings.network().network();
    if (!network.hasGenesisBlock()) {
      err.println(
          "error: network "
              + network.name()
              + " has no genesis block yet; for a local chain run: osmose devnet");
      return CommandLines.EXIT_BAD_INPUT;
    }
    DelegateKeys keys = new DelegateKeys(List.of());
    if (settings.forging().forges()) {
      try {
        keys =
            bip38Loader(settings.forging(), config.environment())
                .load(SecretsFile.read(settings.forging().secrets().value().orElseThrow()));
      } catch (SecretsFile.SecretsException e) {
        err.println("error: " + e.getMessage());
        return CommandLines.EXIT_BAD_INPUT;
      }
    }
    // a listen address that cannot work fails here, before anything is opened (exit 2)
    Optional<InetSocketAddress> apiAddress = apiAddress(settings.api());
    Optional<InetSocketAddress> webhooksAddress =
        webhooksAddress(settings.webhooks(), settings.api());
    checkP2pAddress(settings.p2p());
    Path dataDir = settings.storage().path();
    NodeLogging.attach(settings.logging(), dataDir);
    // The forger forges when the peers' quorum allows (alone only on a network whose definition
    // says it is a local devnet), and never without P2P.
    Optional<com.osmosecollective.node.p2p.service.P2pSettings> p2pSettings =
        P2pOptions.service(settings.p2p(), apiAddress.map(InetSocketAddress::getPort).orElse(0));
    NodeRunner runner = NodeRunner.onSignals();
    NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dataDir, keys, Clock.systemUTC())
                .withApi(apiAddress)
                .withWebhooks(webhooksAddress)
                .withP2p(p2pSettings)
                .withNewChain(newChain.newChain)
                .withPayouts(settings.forging().pays()));
    ChainSnapshot start = node.chain().snapshot();
    LOG.info(
        "node started on {} at height {} (data dir {})", network.name(), start.height(), dataDir);
    if (p2pSettings.isEmpty() && !network.localDevnet()) {
      LOG.info(
          "--no-p2p: this node has no peers, so it runs as a relay at its tip{}",
          keys.isEmpty()
              ? ""
              : " and does not forge (a delegate forges only with its peers' quorum)");
    }
    return runner.run(node);
  }

  /** The REST API's address (checked to be one of this machine's), empty when it is off. */
  static Optional<InetSocketAddress> apiAddress(ApiSettings api) throws Exception {
    return api.enabled() ? Optional.of(ListenAddress.of(api.host(), api.port())) : Optional.empty();
  }

  /**
   * The webhooks API's address, empty when it is off; it delivers the REST API's events, so it
   * needs the REST API on.
   */
  static Optional<InetSocketAddress> webhooksAddress(WebhookSettings webhooks, ApiSettings api)
      throws Exception {
    if (!webhooks.on()) {
      return Optional.empty();
    }
    if (!api.enabled()) {
      throw new SettingsException(
          "api.webhooks.enabled ("
              + webhooks.enabled().describeSource()
              + ") needs the REST API, which api.disabled ("
              + api.disabled().describeSource()
              + ") turns off");
    }
    return Optional.of(ListenAddress.of(webhooks.host(), webhooks.port()));
  }

  /** The P2P server's listen address, when P2P is on, must be one of this machine's. */
  static void checkP2pAddress(P2pSettings p2p) throws SettingsException {
    if (p2p.enabled()) {
      ListenAddress.of(p2p.host(), p2p.port());
    }
  }

  /** The password comes from the environment or a prompt, never from the command line (ps). */
  static DelegateKeyLoader bip38Loader(ForgingSettings forging, Environment environment) {
    String variable = forging.bip38PasswordEnv().value();
    PasswordSource passwords =
        PasswordSource.environment(variable, environment::get)
            .orElse(PasswordSource.prompt(System.console(), "BIP38 password of the forger keys: "));
    return new DelegateKeyLoader(
        passwords, "set " + variable + " or start in a terminal to be asked for it");
  }
}
