package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.storage.ChainStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link ApiServices} for tests of the read routes: an empty pool that takes nothing, no P2P. */
final class TestServices {
  private TestServices() {}

  /** A pool that stays empty (tests of the write routes use the real pool). */
  static final PendingTransactions EMPTY_POOL =
      new PendingTransactions() {
        @Override
        public CompletableFuture<AdmissionResult> submit(List<Submitted> batch) {
          throw new UnsupportedOperationException("the read-only test API takes no transactions");
        }

        @Override
        public PoolView view() {
          return PoolView.empty(0);
        }
      };

  static ApiServices readOnly(Network network, ChainStore store) {
    return new ApiServices(
        network,
        store.queries(),
        EMPTY_POOL,
        PoolConfig.defaults(),
        NetworkView.none(),
        () -> 305756539L,
        new SimpleMeterRegistry(),
        4001,
        4003);
  }

  /** No rate limit, so tests may send as many requests as they need. */
  static ApiServerSettings settings() {
    return ApiServerSettings.defaults().withRateLimit(0, 60, java.util.Set.of());
  }

  static ApiHttpServer serve(ApiServices services) throws InterruptedException {
    return ApiHttpServer.start(
        new InetSocketAddress("127.0.0.1", 0), new RestApi(services), settings(), services);
  }
}
