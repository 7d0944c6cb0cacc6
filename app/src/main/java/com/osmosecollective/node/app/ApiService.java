package com.osmosecollective.node.app;

import com.osmosecollective.node.api.ApiHttpServer;
import com.osmosecollective.node.api.ApiServerSettings;
import com.osmosecollective.node.api.ApiServices;
import com.osmosecollective.node.api.MetricsEndpoint;
import com.osmosecollective.node.api.NodeMetrics;
import com.osmosecollective.node.api.PendingTransactions;
import com.osmosecollective.node.api.RestApi;
import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.storage.StoreMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The REST API server (ARK's endpoints, transactions through the pool, {@code /metrics}), on the
 * store's queries and the pool. After a fatal failure it admits no more transactions.
 */
final class ApiService implements Service {
  /** The P2P port {@code /api/node/configuration} reports (ARK's default; no P2P server yet). */
  private static final int P2P_PORT = 4001;

  private final InetSocketAddress address;
  private final Network network;
  private final NetworkTime time;
  private final StorageService storage;
  private final ChainService chain;
  private final PoolService pool;
  private final FatalStop fatal;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile ApiHttpServer server;

  ApiService(
      InetSocketAddress address,
      Network network,
      NetworkTime time,
      StorageService storage,
      ChainService chain,
      PoolService pool,
      FatalStop fatal) {
    this.address = address;
    this.network = network;
    this.time = time;
    this.storage = storage;
    this.chain = chain;
    this.pool = pool;
    this.fatal = fatal;
  }

  @Override
  public String name() {
    return "api";
  }

  @Override
  public void start() throws Exception {
    ApiServices services =
        new ApiServices(
            network,
            storage.store().queries(),
            writesUntilFatal(PendingTransactions.of(pool.pool(), chain.verification())),
            PoolConfig.defaults(),
            NetworkView.none(),
            time::now,
            metrics,
            P2P_PORT,
            address.getPort());
    chain.chain().addListener(NodeMetrics.bind(services));
    StoreMetrics.bind(storage.store(), metrics);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    RestApi api = new RestApi(services);
    chain.chain().addListener(api.events());
    server =
        ApiHttpServer.start(
            address,
            api,
            ApiServerSettings.defaults(),
            services,
            new MetricsEndpoint() {
              @Override
              public String contentType() {
                return "text/plain; version=0.0.4; charset=utf-8";
              }

              @Override
              public String scrape() {
                return metrics.scrape();
              }
            });
  }

  /** The pool's admissions, refused from the first fatal failure on (the node is stopping). */
  private PendingTransactions writesUntilFatal(PendingTransactions pending) {
    return new PendingTransactions() {
      @Override
      public CompletableFuture<AdmissionResult> submit(List<Submitted> batch)
          throws BatchTooLargeException {
        if (fatal.failed()) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("the node is stopping after a fatal failure"));
        }
        return pending.submit(batch);
      }

      @Override
      public PoolView view() {
        return pending.view();
      }
    };
  }

  @Override
  public void stop() {
    server.close();
    metrics.close();
  }

  @Override
  public Duration stopTimeout() {
    return Duration.ofSeconds(2);
  }

  /** Where it listens (the actual port when 0 was asked). */
  InetSocketAddress address() {
    ApiHttpServer started = server;
    if (started == null) {
      throw new IllegalStateException("the REST API is not started");
    }
    return started.address();
  }

  @Override
  public String detail() {
    ApiHttpServer started = server;
    return started == null
        ? ""
        : "http://"
            + started.address().getHostString()
            + ":"
            + started.address().getPort()
            + "/api";
  }
}
