package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.ForgingSettings;
import com.osmosecollective.node.config.settings.LoggingSettings;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.PeerAddress;
import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.ForgerLoop;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.consensus.forger.QuorumGate;
import com.osmosecollective.node.consensus.forger.RelayForger;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.p2p.forger.RelayClient;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code osmose forger}: the forger as its own process (ARK core-forger), forging through a relay's
 * internal P2P routes. It holds the keys and the signed-slot record, nothing else: no database, no
 * peers, no API.
 */
@Command(
    name = "forger",
    description =
        "Forge for the delegates in --secrets through a relay (osmose start without --forge):"
            + " the round, its peers' quorum and the pool come from the relay's internal P2P"
            + " routes, blocks go to it. The signed slot is kept in <data-dir>/forger, so one"
            + " data dir never signs two blocks for a slot; only a local devnet forges without"
            + " the relay's quorum.")
final class ForgerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ForgerCommand.class);

  /** As the in-process forger; the relay is asked only once a slot, inside its forging window. */
  static final long TICK_MILLIS = 200;

  @Mixin ConfigOption config;

  @ArgGroup(validate = false, heading = "Relay%n")
  RelayOption relay = new RelayOption();

  @ArgGroup(validate = false, heading = "Network%n")
  NetworkOption network = new NetworkOption();

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "Forging%n")
  ForgingOptions forging = new ForgingOptions();

  @ArgGroup(validate = false, heading = "Logging%n")
  LoggingOptions logging = new LoggingOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(relay, network, storage, forging, logging);
    NetworkSettings networkSettings = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
    StorageSettings storageSettings = StorageSettings.resolve(sources, networkSettings.name());
    ForgingSettings forgingSettings = ForgingSettings.resolve(sources);
    LoggingSettings loggingSettings = LoggingSettings.resolve(sources);
    Optional<Setting<PeerAddress>> relaySetting = sources.given(ForgingSettings.RELAY);
    if (relaySetting.isEmpty()) {
      sources.problem("osmose forger needs --relay <host:port> (or OSMOSE_RELAY)");
    }
    if (forgingSettings.secrets().valid() && forgingSettings.secrets().value().isEmpty()) {
      sources.problem("osmose forger needs --secrets <file> (or OSMOSE_SECRETS)");
    }
    sources.requireValid();
    Network net = networkSettings.network();
    if (!net.hasGenesisBlock()) {
      err.println("error: network " + net.name() + " has no genesis block yet");
      return CommandLines.EXIT_BAD_INPUT;
    }
    PeerAddress relayAddress = relaySetting.orElseThrow().value();
    InetAddress relayIp;
    try {
      relayIp = InetAddress.getByName(relayAddress.host());
    } catch (UnknownHostException e) {
      err.println("error: --relay " + relayAddress + ": unknown host");
      return CommandLines.EXIT_BAD_INPUT;
    }
    DelegateKeys keys;
    try {
      keys =
          StartCommand.bip38Loader(forgingSettings, config.environment())
              .load(SecretsFile.read(forgingSettings.secrets().value().orElseThrow()));
    } catch (SecretsFile.SecretsException e) {
      err.println("error: " + e.getMessage());
      return CommandLines.EXIT_BAD_INPUT;
    }
    Path dataDir = storageSettings.path();
    Path slotsFile = dataDir.resolve("forger").resolve("last-forged-slot");
    Files.createDirectories(slotsFile.getParent());
    // the relay may share the data dir: the forger's log files go beside its slot record
    NodeLogging.attach(loggingSettings, slotsFile.getParent());
    CountDownLatch stop = new CountDownLatch(1);
    Signals.install(stop::countDown);
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    try (RelayClient client =
        new RelayClient(
            net,
            relayIp,
            relayAddress.port(),
            Duration.ofMillis(NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS))) {
      // the in-process forger's rule: alone only on a local devnet, else the relay's peers' quorum
      NetworkGate gate =
          net.localDevnet()
              ? NetworkGate.ALONE
              : new QuorumGate(
                  client::networkState, NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS);
      RelayForger forger =
          new RelayForger(
              net,
              client,
              new NetworkTime(net.epoch(), Clock.systemUTC()),
              keys,
              ForgedSlots.inFile(slotsFile),
              gate,
              NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS);
      forger.warnIfSignedSlotAhead();
      try (ForgerLoop loop =
          new ForgerLoop(
              forger,
              TICK_MILLIS,
              failure -> {
                fatal.set(failure);
                stop.countDown();
              })) {
        loop.start();
        LOG.info(
            "forger process started for {} delegate(s) on {} through relay {} ({}; slot record"
                + " {})",
            keys.size(),
            net.name(),
            client.relay(),
            net.localDevnet() ? "local devnet: no quorum needed" : "the relay's peers' quorum",
            slotsFile);
        var unused = client.emitEvent("forger.started", keys.size() + " delegate(s)");
        stop.await();
      }
    }
    Throwable failure = fatal.get();
    if (failure != null) {
      FatalFailure classified = FatalFailure.classify(failure, "forger", dataDir, 0);
      LOG.error("osmose.fatal: {}", classified.message());
      return classified.exitCode();
    }
    LOG.info("forger stopped");
    return 0;
  }
}
