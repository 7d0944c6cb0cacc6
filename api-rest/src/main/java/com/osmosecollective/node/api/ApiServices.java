package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.storage.ChainQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the REST API reads and writes through, wired once by the app.
 *
 * @param network the network served
 * @param queries committed chain data
 * @param pool the transaction pool (submissions and the unconfirmed list)
 * @param poolConfig the pool's limits, as {@code /node/configuration} reports them
 * @param peers the P2P layer's view ({@link NetworkView#none()} without P2P)
 * @param epochNow the network time now, in seconds since the network's epoch
 * @param registry where the API's own meters go
 * @param p2pPort the P2P port {@code /node/configuration} reports
 * @param apiPort the API port {@code /node/configuration} reports
 */
public record ApiServices(
    Network network,
    ChainQueries queries,
    PendingTransactions pool,
    PoolConfig poolConfig,
    NetworkView peers,
    LongSupplier epochNow,
    MeterRegistry registry,
    int p2pPort,
    int apiPort) {
  public ApiServices {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(poolConfig, "poolConfig");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(epochNow, "epochNow");
    Objects.requireNonNull(registry, "registry");
  }
}
