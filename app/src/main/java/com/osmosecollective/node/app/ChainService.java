package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.StateApplier;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The chain thread on the store: opens the chain at its tip (or applies the genesis block) at
 * start; a halt of the chain (a fatal failure while applying a block) stops the node.
 */
final class ChainService implements Service {
  private final Network network;
  private final NetworkTime time;
  private final StorageService storage;
  private final UnaryOperator<StateApplier> applier;
  private final FatalStop fatal;
  private volatile Chain chain;
  private volatile ExecutorService verification;

  ChainService(
      Network network,
      NetworkTime time,
      StorageService storage,
      UnaryOperator<StateApplier> applier,
      FatalStop fatal) {
    this.network = network;
    this.time = time;
    this.storage = storage;
    this.applier = applier;
    this.fatal = fatal;
  }

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public void start() {
    verification = NodeAssembly.verificationPool();
    Chain made = NodeAssembly.newChain(network, storage.store(), verification, time, applier);
    made.addListener(new BlockLog());
    made.onHalt(cause -> fatal.report(name(), cause));
    chain = made;
    try {
      made.start();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  @Override
  public void stop() {
    chain.close();
    verification.shutdown();
    try {
      verification.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Duration stopTimeout() {
    // the block being applied finishes first (a commit takes milliseconds)
    return Duration.ofSeconds(3);
  }

  /** The signature-verification workers (also the API's admission checks). */
  ExecutorService verification() {
    ExecutorService started = verification;
    if (started == null) {
      throw new IllegalStateException("the chain is not started");
    }
    return started;
  }

  Chain chain() {
    Chain started = chain;
    if (started == null) {
      throw new IllegalStateException("the chain is not started");
    }
    return started;
  }

  @Override
  public String detail() {
    Chain started = chain;
    ChainSnapshot snapshot = started == null ? null : started.snapshot();
    if (snapshot == null) {
      return "";
    }
    return "height "
        + snapshot.height()
        + started.haltCause().map(c -> ", halted: " + c).orElse("");
  }
}
