package com.osmosecollective.node.p2p.node;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.p2p.service.P2pService;
import com.osmosecollective.node.p2p.service.P2pSettings;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * One in-process node of a {@link TestNetwork}: a RocksDB chain in its own directory, its pool, a
 * forger holding every genesis delegate key, and its P2P service on 127.0.0.1.
 */
public final class TestNode implements AutoCloseable {
  public final TestNetwork net;
  public final ChainStore store;
  public final Chain chain;
  public final ChainPool pool;
  public final Forger forger;
  private final NetworkTime time;
  public P2pService p2p;

  private TestNode(TestNetwork net, Path dir) throws Exception {
    this.net = net;
    this.store = ChainStore.open(StoreOptions.inDataDir(dir), net.network.nethash());
    this.time = new NetworkTime(net.network.epoch(), net.clock);
    this.chain =
        new Chain(
            net.network,
            store,
            new CoreStateApplier(net.network, TransactionHandlers.withBestVerifier()),
            new BlockVerifier(net.network, SignatureVerifiers.best(), ForkJoinPool.commonPool()),
            time,
            RollbackPolicy.fixed(5));
    chain.start();
    this.pool = ChainPool.attach(chain, net.network, store, time, PoolConfig.defaults());
    List<PrivateKey> keys = new ArrayList<>();
    net.plan.delegates().stream().map(GenesisAccount::key).forEach(keys::add);
    this.forger =
        new Forger(net.network, chain, time, new DelegateKeys(keys), ForgedSlots.inMemory(), pool);
  }

  /** Builds and starts this node's P2P service. */
  public TestNode startP2p(P2pSettings settings) throws InterruptedException {
    if (p2p != null) {
      throw new IllegalStateException("P2P already started");
    }
    p2p =
        new P2pService(
            settings, net.network, chain, store, pool, time, ForkJoinPool.commonPool(), net.clock);
    p2p.start();
    return this;
  }

  /** Settings for a local test node: 127.0.0.1, any free port, loopback peers allowed. */
  public static P2pSettings settings(String name, String... seeds) {
    return P2pSettings.defaults(0, name)
        .withHost("127.0.0.1")
        .withAllowLocalPeers(true)
        .withMinimumNetworkReach(1)
        .withSeedPeers(List.of(seeds))
        .withDiscoveryInterval(Duration.ofSeconds(1));
  }

  public static TestNode start(TestNetwork net, Path dir, P2pSettings settings) throws Exception {
    return new TestNode(net, dir).startP2p(settings);
  }

  /** Opens the node without P2P (to forge a chain first); {@link #startP2p} later. */
  public static TestNode open(TestNetwork net, Path dir) throws Exception {
    return new TestNode(net, dir);
  }

  public String address() {
    return "127.0.0.1:" + p2p.boundAddress().getPort();
  }

  public long height() {
    return chain.snapshot().height();
  }

  public Block tip() {
    return chain.snapshot().lastBlock();
  }

  /** Forges in slots {@code from, from+1, …} until {@code height}; returns the next free slot. */
  public long forgeUntil(long height, long fromSlot) {
    long slot = fromSlot;
    while (height() < height) {
      net.atSlot(slot);
      var forged = forger.forgeIfDue().orElseThrow();
      if (!forged.outcome().isAccepted()) {
        throw new AssertionError("not accepted: " + forged.outcome());
      }
      slot++;
    }
    return slot;
  }

  @Override
  public void close() {
    if (p2p != null) {
      p2p.close();
    }
    chain.close();
    store.close();
  }
}
