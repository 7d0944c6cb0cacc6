package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.osmosecollective.node.app.lifecycle.ServiceHealth;
import com.osmosecollective.node.app.lifecycle.ServiceState;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.BlockApplyException;
import com.osmosecollective.node.consensus.chain.StateApplier;
import com.osmosecollective.node.consensus.chain.StateChanges;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.WriteFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: a fatal failure stops the node with its class's exit code and one clear ERROR saying
 * what to do; after a restart on a healthy disk the chain is at the last committed height.
 */
class FatalFailureTest {
  private static final int BLOCKTIME = 3;
  private static final long SLOT = 1000;

  @TempDir Path dir;

  /** A running node: its clock, and the exit code its runner returns once it stops. */
  private record Running(NodeAssembly node, SteppedClock clock, CompletableFuture<Integer> exit) {}

  private Running run(
      Network network, DevnetNetworkFile.Devnet devnet, NodeAssembly.TestSeams seams)
      throws Exception {
    SteppedClock clock = new SteppedClock(network.epoch());
    clock.set(network.epoch().plusSeconds(SLOT * BLOCKTIME));
    NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dir, NodeScenario.delegateKeys(devnet), clock)
                .withNewChain(true)
                .withSeams(seams));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> NodeRunner.waitAndStop(node, new CountDownLatch(1)));
    return new Running(node, clock, exit);
  }

  /** Moves the clock one slot at a time until the chain is at {@code height}. */
  private static void forgeTo(Running running, Network network, long height) {
    for (long slot = SLOT; running.node().chain().snapshot().height() < height; slot++) {
      running.clock().set(network.epoch().plusSeconds(slot * BLOCKTIME));
      long target = Math.min(height, slot - SLOT + 2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> running.node().chain().snapshot().height() >= target);
    }
  }

  @Test
  void aDiskFullWriteStopsTheNodeWithTheDiskFullCodeAndTheRestartIsAtTheLastCommittedHeight()
      throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    Network network = devnet.network();
    // writes: the genesis block, blocks 2 and 3; the fourth fails
    NodeAssembly.TestSeams full =
        new NodeAssembly.TestSeams(WriteFaults.failFrom(4, "No space left on device"), a -> a);
    try (LogCapture log = new LogCapture("osmose.fatal")) {
      Running running = run(network, devnet, full);
      forgeTo(running, network, 3);
      running.clock().set(network.epoch().plusSeconds((SLOT + 2) * BLOCKTIME));

      int code = running.exit().get(15, TimeUnit.SECONDS);

      assertThat(code).isEqualTo(FailureClass.DISK_FULL.exitCode()).isEqualTo(10);
      assertThat(log.messages(Level.ERROR))
          .containsExactly(
              "disk full at "
                  + dir.resolve("chain")
                  + ": free space and restart; the chain is intact at height 3");
      assertThat(running.node().acceptsWrites()).isFalse();
      ServiceHealth storage = running.node().health().get(0);
      assertThat(storage.name()).isEqualTo("storage");
      assertThat(storage.lastError().orElseThrow()).contains("disk full");
      assertThat(running.node().health()).allMatch(h -> h.state() == ServiceState.STOPPED);
    }
    assertRestartsAt(network, devnet, 3);
  }

  @Test
  void anIoErrorOnTheNthWriteStopsTheNodeWithTheStorageIoCode() throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    Network network = devnet.network();
    NodeAssembly.TestSeams failing =
        new NodeAssembly.TestSeams(WriteFaults.failFrom(3, "Input/output error"), a -> a);
    try (LogCapture log = new LogCapture("osmose.fatal")) {
      Running running = run(network, devnet, failing);
      forgeTo(running, network, 2);
      running.clock().set(network.epoch().plusSeconds((SLOT + 1) * BLOCKTIME));

      assertThat(running.exit().get(15, TimeUnit.SECONDS)).isEqualTo(11);
      assertThat(log.messages(Level.ERROR))
          .singleElement()
          .asString()
          .startsWith("I/O error in the chain database at " + dir.resolve("chain"))
          .endsWith("check the disk and restart; the chain is intact at height 2");
    }
    assertRestartsAt(network, devnet, 2);
  }

  /** An exception that is not a block's refusal, thrown while applying a block, stops the node. */
  @Test
  void aRuntimeExceptionInsideBlockApplicationStopsTheNodeInsteadOfRefusingTheBlock()
      throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    Network network = devnet.network();
    AtomicBoolean explode = new AtomicBoolean();
    NodeAssembly.TestSeams injected =
        new NodeAssembly.TestSeams(
            WriteFaults.NONE,
            rules ->
                new StateApplier() {
                  @Override
                  public StateChanges applyGenesis(Block genesis, WalletRepository base) {
                    return rules.applyGenesis(genesis, base);
                  }

                  @Override
                  public StateChanges apply(Block block, Block previous, WalletRepository base)
                      throws BlockApplyException {
                    if (explode.get()) {
                      throw new IllegalStateException("injected inside block application");
                    }
                    return rules.apply(block, previous, base);
                  }
                });
    try (LogCapture log = new LogCapture("osmose.fatal", "osmose.blocks")) {
      Running running = run(network, devnet, injected);
      forgeTo(running, network, 2);
      explode.set(true);
      running.clock().set(network.epoch().plusSeconds((SLOT + 1) * BLOCKTIME));

      assertThat(running.exit().get(15, TimeUnit.SECONDS))
          .isEqualTo(FailureClass.INTERNAL.exitCode())
          .isEqualTo(14);
      assertThat(log.messages(Level.ERROR))
          .singleElement()
          .asString()
          .startsWith(
              "unexpected IllegalStateException in chain (injected inside block application)")
          .endsWith("the chain is intact at height 2");
      assertThat(log.messages()).noneMatch(m -> m.contains("rejected"));
    }
    assertRestartsAt(network, devnet, 2);
  }

  private void assertRestartsAt(Network network, DevnetNetworkFile.Devnet devnet, long height)
      throws Exception {
    CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(dir));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(height);
    SteppedClock clock = new SteppedClock(network.epoch());
    clock.set(network.epoch().plusSeconds((SLOT + 100) * BLOCKTIME));
    try (NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(network, dir, NodeScenario.delegateKeys(devnet), clock))) {
      assertThat(node.chain().snapshot().height()).isEqualTo(height);
    }
  }
}
