package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.NoPeersGate;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: a forger forges alone only on a network whose definition says it is a local devnet; on
 * every other network, without peers, it runs as a relay that says why once per round.
 */
class QuorumForgingTest {
  private static final int BLOCKTIME = 3;
  private static final long SLOT = 1000;
  private static final String FORGER = ForgerService.class.getName();
  private static final String NO_PEERS = NoPeersGate.class.getName();

  @TempDir Path dir;

  @Test
  void aLocalDevnetForgesAloneAndSaysSo() throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    SteppedClock clock = clockAt(devnet.network(), SLOT);
    try (LogCapture log = new LogCapture(FORGER, NO_PEERS, "osmose.blocks");
        NodeAssembly node = start(devnet.network(), NodeScenario.delegateKeys(devnet), clock)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> node.chain().snapshot().height() == 2);

      assertThat(log.messages())
          .contains("forging for 51 delegate(s), alone (a local devnet)")
          .anyMatch(m -> m.startsWith("forged block height 2 "))
          .noneMatch(m -> m.startsWith("not forging"));
    }
  }

  /**
   * The same rules without the local-devnet flag: all 51 delegates' keys, every slot ours, and
   * still no block; the reason is logged once per round of slots, not once per slot.
   */
  @Test
  void withoutTheLocalDevnetFlagAndWithoutPeersItNeverForgesAndSaysWhyOncePerRound()
      throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, BLOCKTIME);
    Network network = NodeScenario.withoutLocalFlag(devnet.file());
    SteppedClock clock = clockAt(network, SLOT);
    try (LogCapture log = new LogCapture(FORGER, NO_PEERS, "osmose.blocks");
        NodeAssembly node = start(network, NodeScenario.delegateKeys(devnet), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> log.count("not forging") == 1);
      for (long slot : List.of(SLOT + 1, SLOT + 2, SLOT + 50)) {
        clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
        await()
            .pollDelay(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(5))
            .until(() -> log.count("not forging") == 1);
      }
      clock.set(network.epoch().plusSeconds((SLOT + 51) * BLOCKTIME));
      await().atMost(Duration.ofSeconds(5)).until(() -> log.count("not forging") == 2);

      assertThat(node.chain().snapshot().height()).isEqualTo(1);
      assertThat(log.messages())
          .anyMatch(
              m ->
                  m.startsWith(
                      "forging for 51 delegate(s), never: no peers on a network that is"
                          + " not a local devnet"))
          .anyMatch(
              m ->
                  m.startsWith("not forging (delegate ")
                      && m.contains("this node has no peers")
                      && m.contains("runs as a relay"))
          .noneMatch(m -> m.startsWith("forged block"));
    }
  }

  @Test
  void osmose2018WithoutPeersRunsAsARelayThatDoesNotForge() throws Exception {
    Network network = new NetworkLoader().load("osmose-2018");
    assertThat(network.localDevnet()).isFalse();
    DelegateKeys keys = DelegateKeys.fromPassphrases(List.of("a delegate of osmose 2018"));
    try (LogCapture log = new LogCapture(FORGER, NO_PEERS, "osmose.blocks");
        NodeAssembly node = start(network, keys, Clock.systemUTC())) {
      await()
          .during(Duration.ofMillis(600))
          .atMost(Duration.ofSeconds(5))
          .until(() -> node.chain().snapshot().height() == 1);
      assertThat(log.messages())
          .contains(
              "forging for 1 delegate(s), never: no peers on a network that is not a local devnet"
                  + " (a relay; the reason is logged once per round)")
          .noneMatch(m -> m.startsWith("forged block"));
    }
  }

  private static SteppedClock clockAt(Network network, long slot) {
    SteppedClock clock = new SteppedClock(network.epoch());
    clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
    return clock;
  }

  private NodeAssembly start(Network network, DelegateKeys keys, Clock clock) throws Exception {
    return NodeAssembly.openAndStart(
        new NodeAssembly.Settings(network, dir, keys, clock).withNewChain(true));
  }
}
