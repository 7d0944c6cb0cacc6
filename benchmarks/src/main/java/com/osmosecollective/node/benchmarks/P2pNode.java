package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.p2p.peer.RateTable;
import com.osmosecollective.node.p2p.service.P2pService;
import com.osmosecollective.node.p2p.service.P2pSettings;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** A node of the P2P benchmarks: chain, pool and P2P service on 127.0.0.1. */
final class P2pNode implements AutoCloseable {
  final ChainStore store;
  final Chain chain;
  final ChainPool pool;
  P2pService p2p;
  private final Network network;
  private final Clock clock;
  private final ForkJoinPool workers;

  P2pNode(Network network, Path dir, ForkJoinPool workers, Clock clock) throws Exception {
    this.network = network;
    this.clock = clock;
    this.workers = workers;
    this.store = ChainStore.open(StoreOptions.inDataDir(dir), network.nethash());
    this.chain = ChainReplayBenchmark.chain(network, store, workers, clock);
    chain.start();
    this.pool =
        ChainPool.attach(
            chain, network, store, new NetworkTime(network.epoch(), clock), PoolConfig.defaults());
  }

  /**
   * Starts P2P. {@code getBlocksPerSecond} replaces ARK's getBlocks rate (1 per 2 s per peer, which
   * alone caps a one-peer sync at 200 blocks/s); 0 keeps ARK's.
   */
  P2pNode startP2p(String name, int getBlocksPerSecond, String... seeds) throws Exception {
    RateTable rates = RateTable.ark();
    if (getBlocksPerSecond > 0) {
      rates =
          rates.with(
              "p2p.blocks.getBlocks",
              new RateTable.Rate(getBlocksPerSecond, Duration.ofSeconds(1)));
    }
    P2pSettings settings =
        P2pSettings.defaults(0, name)
            .withHost("127.0.0.1")
            .withAllowLocalPeers(true)
            .withMinimumNetworkReach(1)
            .withSeedPeers(List.of(seeds))
            .withDiscoveryInterval(Duration.ofSeconds(1))
            .withRates(rates);
    p2p =
        new P2pService(
            settings,
            network,
            chain,
            store,
            pool,
            new NetworkTime(network.epoch(), clock),
            workers,
            clock);
    p2p.start();
    return this;
  }

  String address() {
    return "127.0.0.1:" + p2p.boundAddress().getPort();
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
