package com.osmosecollective.node.p2p.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.consensus.forger.ForgingTurn;
import com.osmosecollective.node.consensus.forger.QuorumGate;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateStatus;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.p2p.codec.InternalJsonCodec;
import com.osmosecollective.node.p2p.codec.PostBlockCodec;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.node.TestNetwork;
import com.osmosecollective.node.p2p.node.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the forger sees through P2P: the network state computed from real peers (consensus'
 * PeerObservations implemented here), the same state on p2p.internal.getNetworkState, the other
 * internal routes, and the double-forging rule of SV-005.
 */
@Timeout(120)
class ForgerFacingIT {
  @TempDir Path dir;

  @Test
  void theQuorumGateIsFedByRealPeersAndTheInternalRoutesAnswer() throws Exception {
    TestNetwork net = TestNetwork.create();
    try (TestNode a = TestNode.open(net, dir.resolve("a"))) {
      long slot = a.forgeUntil(10, 1000);
      a.startP2p(TestNode.settings("node-a"));
      try (TestNode b =
          TestNode.start(net, dir.resolve("b"), TestNode.settings("node-b", a.address()))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> b.height() == 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.p2p.peers().size() == 1);
        net.atSlot(slot);

        NetworkState state = a.p2p.networkStateSource().current().join();
        assertThat(state.status()).isEqualTo(NetworkStateStatus.DEFAULT);
        assertThat(state.nodeHeight()).isEqualTo(10);
        assertThat(state.quorumDetails().peersQuorum()).isEqualTo(1);
        assertThat(state.quorum()).isEqualTo(1.0);
        QuorumGate gate = new QuorumGate(a.p2p.networkStateSource()::current, 4000);
        assertThat(gate.allowsForging(new ForgingTurn("delegate", a.height(), a.tip().id())))
            .isTrue();

        // B goes away: the forced ping drops it, below the minimum reach forging is refused
        b.p2p.close();
        NetworkState alone = a.p2p.networkStateSource().current().join();
        assertThat(alone.status()).isEqualTo(NetworkStateStatus.BELOW_MINIMUM_PEERS);
        assertThat(gate.allowsForging(new ForgingTurn("delegate", a.height(), a.tip().id())))
            .isFalse();

        try (var forger = com.osmosecollective.node.p2p.hostile.RawPeers.nes(a)) {
          JsonNode networkState = forger.internal(InternalJsonCodec.GET_NETWORK_STATE);
          assertThat(networkState.path("status").asInt()).isEqualTo(1);
          assertThat(networkState.path("nodeHeight").asLong()).isEqualTo(10);
          JsonNode round = forger.internal(InternalJsonCodec.GET_CURRENT_ROUND);
          assertThat(round.path("current").asLong()).isEqualTo(1);
          assertThat(round.path("delegates")).hasSize(51);
          assertThat(round.path("lastBlock").path("id").asText()).isEqualTo(a.tip().id());
          JsonNode pool = forger.internal(InternalJsonCodec.GET_UNCONFIRMED_TRANSACTIONS);
          assertThat(pool.path("poolSize").asInt()).isZero();
          assertThat(forger.internal(InternalJsonCodec.SYNC_BLOCKCHAIN).asBoolean()).isTrue();
        }
      }
    }
  }

  @Test
  void aSecondBlockForTheSameSlotFromTheSameDelegateIsLoggedAndDroppedSv005() throws Exception {
    TestNetwork net = TestNetwork.create();
    try (TestNode a = TestNode.open(net, dir.resolve("a"))) {
      a.forgeUntil(10, 1000);
      a.startP2p(TestNode.settings("node-a"));
      Block tip = a.tip();
      PrivateKey generator =
          net.plan.delegates().stream()
              .map(GenesisAccount::key)
              .filter(k -> Hex.encode(k.publicKey()).equals(tip.header().generatorPublicKeyHex()))
              .findFirst()
              .orElseThrow();
      Block twin =
          new BlockFactory(new BlockCodec(net.network))
              .make(
                  tip.height(),
                  tip.timestamp() + 1,
                  tip.previousBlock(),
                  tip.header().reward(),
                  List.of(),
                  generator);
      assertThat(twin.id()).isNotEqualTo(tip.id());
      net.clock.set(net.network.epoch().plusSeconds(tip.timestamp() + 1));
      byte[] request =
          PostBlockCodec.encodeRequest(
              new PostBlockRequest(
                  Bytes.of(new BlockCodec(net.network).serialize(twin)),
                  // no port: from 127.0.0.1 this is our own forger's path, which would
                  // otherwise hand the twin to the chain's double-forging rollback
                  new Headers("3.9.1")));
      try (var peer = com.osmosecollective.node.p2p.hostile.RawPeers.nes(a)) {
        NesFrame answer = peer.call(PostBlockCodec.ROUTE, request);
        assertThat(PostBlockCodec.decodeResponse(answer.payload().toArray()).status()).isFalse();
      }
      // the first block stays; no rollback happened
      assertThat(a.tip().id()).isEqualTo(tip.id());
      assertThat(a.height()).isEqualTo(10);
    }
  }
}
