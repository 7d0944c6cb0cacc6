package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.ForgerLoop;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
      ChainService chain,
      PoolService pool,
      NetworkGate gate,
      String mode,
      FatalStop fatal) {
    this.network = network;
    this.slotsFile = dataDir.resolve("forger").resolve("last-forged-slot");
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
    ForgerLoop started = new ForgerLoop(forger, TICK_MILLIS, e -> fatal.report(name(), e));
    loop = started;
    started.start();
    LOG.info("forging for {} delegate(s), {}", keys.size(), mode);
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
