package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.ForgerLoop;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forger of a node with delegate keys: its loop ticks every 200 ms; it asks {@code gate} once
 * per slot of ours, and nothing at all once the node met a fatal failure. A fatal failure of the
 * forger itself stops the node.
 */
final class ForgerService implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(ForgerService.class);
  private static final long TICK_MILLIS = 200;

  private final Network network;
  private final Path slotsFile;
  private final StorageService storage;
  private final DelegateKeys keys;
  private final NetworkTime time;
  private final ChainService chain;
  private final PoolService pool;
  private final NetworkGate gate;
  private final String mode;
  private final FatalStop fatal;
  private volatile ForgerLoop loop;

  /**
   * @param gate the network gate (alone on a local devnet, the peers' quorum, or never)
   * @param mode how it forges, for the log and the health view
   */
  ForgerService(
      Network network,
      Path dataDir,
      DelegateKeys keys,
      NetworkTime time,
      StorageService storage,
      ChainService chain,
      PoolService pool,
      NetworkGate gate,
      String mode,
      FatalStop fatal) {
    this.network = network;
    this.slotsFile = dataDir.resolve("forger").resolve("last-forged-slot");
    this.storage = storage;
    this.keys = keys;
    this.time = time;
    this.chain = chain;
    this.pool = pool;
    this.gate = gate;
    this.mode = mode;
    this.fatal = fatal;
  }

  @Override
  public String name() {
    return "forger";
  }

  @Override
  public void start() throws Exception {
    Files.createDirectories(slotsFile.getParent());
    // after a fatal failure nothing is signed, whatever the network says
    NetworkGate guarded = turn -> !fatal.failed() && gate.allowsForging(turn);
    Forger forger =
        new Forger(
            network,
            chain.chain(),
            time,
            keys,
            ForgedSlots.inFile(slotsFile),
            pool.pool(),
            guarded);
    forger.warnIfSignedSlotAhead();
    warnAboutKeysThatCannotForge();
    ForgerLoop started = new ForgerLoop(forger, TICK_MILLIS, e -> fatal.report(name(), e));
    loop = started;
    started.start();
    LOG.info("forging for {} delegate(s), {}", keys.size(), mode);
  }

  /**
   * A key that is no registered delegate (a typo in a passphrase gives another key) or a resigned
   * one never forges: say so once, with its address, instead of silently never forging.
   */
  private void warnAboutKeysThatCannotForge() {
    ChainQueries queries = storage.store().queries();
    long height = storage.committedHeight();
    for (String publicKey : keys.publicKeys()) {
      Optional<Wallet> wallet = queries.walletByPublicKey(publicKey);
      Optional<DelegateAttributes> delegate = wallet.map(Wallet::delegate);
      if (delegate.isEmpty()) {
        LOG.warn(
            "forger key {} (public key {}) is not a registered delegate on {} at height {}: it"
                + " cannot forge (a mistyped passphrase gives another key; osmose keys check lists"
                + " the keys of a secrets file)",
            address(publicKey),
            publicKey,
            network.name(),
            height);
      } else if (delegate.get().resigned()) {
        LOG.warn(
            "forger key {} is delegate {}, which has resigned: it cannot forge",
            address(publicKey),
            delegate.get().username());
      }
    }
  }

  private String address(String publicKey) {
    try {
      return Address.fromPublicKey(Hex.decode(publicKey), network.pubKeyHash());
    } catch (DecodeException e) {
      throw new IllegalStateException("a key's own public key is hex", e);
    }
  }

  @Override
  public void stop() {
    loop.close();
  }

  @Override
  public Duration stopTimeout() {
    return Duration.ofSeconds(2);
  }

  @Override
  public String detail() {
    ForgerLoop started = loop;
    return keys.size()
        + " delegate(s), "
        + mode
        + (started != null && started.stopped() ? ", stopped by a failure" : "");
  }
}
