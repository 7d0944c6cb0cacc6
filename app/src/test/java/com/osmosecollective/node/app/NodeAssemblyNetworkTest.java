package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.consensus.netstate.NetworkStateStatus;
import com.osmosecollective.node.consensus.netstate.PeerObservation;
import com.osmosecollective.node.consensus.netstate.PeerObservations;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the assembled node chooses the forger's network gate: alone only on a local devnet; the
 * peers' quorum on any other network (here the same devnet rules without the local-devnet flag).
 */
class NodeAssemblyNetworkTest {
  private static final int BLOCKTIME = 3;
  private static final long SLOT = 1000;

  @TempDir Path dir;

  @Test
  void aLocalDevnetWithoutPeersForgesAloneAndHasNoNetworkState() throws Exception {
    try (NodeAssembly node = NodeAssembly.open(settings(Optional.empty(), true))) {
      node.start();

      assertThat(node.networkState()).isEmpty();
      assertThat(waitForHeight(node, 2, Duration.ofSeconds(10))).isEqualTo(2);
    }
  }

  @Test
  void withPeersTheNodeForgesOnlyWithTheirQuorum() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    AtomicReference<NodeAssembly> assembled = new AtomicReference<>();
    AtomicReference<Integer> agreeing = new AtomicReference<>(19);
    PeerObservations peers =
        () -> {
          asked.incrementAndGet();
          Block tip = assembled.get().chain().snapshot().lastBlock();
          List<PeerObservation> observed = new ArrayList<>();
          for (int i = 0; i < agreeing.get(); i++) {
            observed.add(new PeerObservation("p" + i, tip.height(), tip, false, SLOT, true));
          }
          return CompletableFuture.completedFuture(observed);
        };
    NodeAssembly.PeerNetwork network =
        new NodeAssembly.PeerNetwork(peers, new ColdStart(), NetworkStateConfig.defaults());
    try (NodeAssembly node = NodeAssembly.open(settings(Optional.of(network), false))) {
      assembled.set(node);
      node.start();

      // 19 peers are below ARK's minimum network reach of 20: the gate is asked once for the
      // slot, refuses, and nothing is forged in the rest of it
      Awaitility.await("the forger asks the network state")
          .atMost(Duration.ofSeconds(10))
          .until(() -> asked.get() >= 1);
      Awaitility.await("no block while the quorum is missing")
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> node.chain().snapshot().height() == 1);
      assertThat(asked).as("asked once per slot").hasValue(1);
      assertThat(node.networkState().orElseThrow().current().join().status())
          .isEqualTo(NetworkStateStatus.BELOW_MINIMUM_PEERS);
    }
  }

  @Test
  void withEnoughAgreeingPeersTheNodeForges() throws Exception {
    AtomicReference<NodeAssembly> assembled = new AtomicReference<>();
    PeerObservations peers =
        () -> {
          Block tip = assembled.get().chain().snapshot().lastBlock();
          List<PeerObservation> observed = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            observed.add(new PeerObservation("p" + i, tip.height(), tip, false, SLOT, true));
          }
          return CompletableFuture.completedFuture(observed);
        };
    NodeAssembly.PeerNetwork network =
        new NodeAssembly.PeerNetwork(peers, new ColdStart(), NetworkStateConfig.defaults());
    try (NodeAssembly node = NodeAssembly.open(settings(Optional.of(network), false))) {
      assembled.set(node);
      node.start();

      assertThat(waitForHeight(node, 2, Duration.ofSeconds(10))).isEqualTo(2);
    }
  }

  /**
   * A devnet node whose clock stands at the start of one slot: at most one block is forged.
   *
   * @param local whether the network keeps its local-devnet flag
   */
  private NodeAssembly.Settings settings(Optional<NodeAssembly.PeerNetwork> peers, boolean local)
      throws Exception {
    DevnetNetworkFile.Devnet devnet =
        new DevnetNetworkFile().createOrLoad(dir.resolve("devnet"), BLOCKTIME);
    DelegateKeys keys =
        DelegateKeys.fromPassphrases(
            devnet.plan().delegates().stream().map(GenesisAccount::passphrase).toList());
    Network network = local ? devnet.network() : NodeScenario.withoutLocalFlag(devnet.file());
    assertThat(network.localDevnet()).isEqualTo(local);
    Clock clock = Clock.fixed(network.epoch().plusSeconds(SLOT * BLOCKTIME), ZoneOffset.UTC);
    // the network file was just made beside a chain that is not yet: a new chain
    return new NodeAssembly.Settings(network, dir.resolve("devnet"), keys, clock, peers)
        .withNewChain(true);
  }

  private static long waitForHeight(NodeAssembly node, long height, Duration timeout) {
    return Awaitility.await("height " + height)
        .atMost(timeout)
        .until(() -> node.chain().snapshot().height(), h -> h >= height);
  }
}
