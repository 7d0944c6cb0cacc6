package com.osmosecollective.node.app;

import com.osmosecollective.node.api.ApiHttpServer;
import com.osmosecollective.node.api.ApiServerSettings;
import com.osmosecollective.node.api.ApiServices;
import com.osmosecollective.node.api.MetricsEndpoint;
import com.osmosecollective.node.api.NodeMetrics;
import com.osmosecollective.node.api.PendingTransactions;
import com.osmosecollective.node.api.RestApi;
import com.osmosecollective.node.api.WebhookDeliverySettings;
import com.osmosecollective.node.api.Webhooks;
import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.funding.Funding;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The REST API server (ARK's endpoints, transactions through the pool, {@code /metrics}), on the
 * store's queries and the pool. After a fatal failure it admits no more transactions.
 */
final class ApiService implements Service {
  private final InetSocketAddress address;
  private final Optional<InetSocketAddress> webhooksAddress;
  private final java.nio.file.Path dataDir;
  private final Network network;
  private final NetworkTime time;
  private final StorageService storage;
  private final ChainService chain;
  private final PoolService pool;
  private final Optional<P2pNodeService> p2p;
  private final FatalStop fatal;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile ApiHttpServer server;
  private volatile Webhooks webhooks;
  private volatile ApiHttpServer webhooksServer;

  ApiService(
      InetSocketAddress address,
      Optional<InetSocketAddress> webhooksAddress,
      java.nio.file.Path dataDir,
      Network network,
      NetworkTime time,
      StorageService storage,
      ChainService chain,
      PoolService pool,
      Optional<P2pNodeService> p2p,
      FatalStop fatal) {
    this.address = address;
    this.webhooksAddress = webhooksAddress;
    this.dataDir = dataDir;
    this.network = network;
    this.time = time;
    this.storage = storage;
    this.chain = chain;
    this.pool = pool;
    this.p2p = p2p;
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
            p2p.map(P2pNodeService::networkView).orElse(NetworkView.none()),
            time::now,
            metrics,
            p2p.map(P2pNodeService::port)
                .orElse(com.osmosecollective.node.config.settings.P2pSettings.defaultPort(network)),
            address.getPort());
    chain.chain().addListener(NodeMetrics.bind(services));
    StoreMetrics.bind(storage.store(), metrics);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    // proposals, payouts and open accounts (issue #14); documents in <data-dir>/proposals/
    RestApi api = new RestApi(services, Funding.of(storage.store().queries(), network, dataDir));
    chain.chain().addListener(api.events());
    try {
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
    } catch (Exception e) {
      // Netty rethrows the bind failure undeclared; say where, not only "Address already in use"
      if (e instanceof java.net.BindException bind) {
        throw new java.net.BindException(
            ListenAddress.bindFailure("the REST API", address, "--api-port", bind));
      }
      throw e;
    }
    // peers learn the port actually bound (with --api-port 0 it is known only now)
    int bound = server.address().getPort();
    p2p.ifPresent(service -> service.announceApiPort(bound));
    if (webhooksAddress.isPresent()) {
      try {
        startWebhooks(webhooksAddress.get(), api, services);
      } catch (Exception e) {
        // a failed start leaves nothing running: the service tree stops only started services
        if (webhooks != null) {
          webhooks.close();
        }
        server.close();
        throw e;
      }
    }
  }

  /** ARK's webhooks: registrations in the data dir, their own server, the API's chain events. */
  private void startWebhooks(InetSocketAddress at, RestApi api, ApiServices services)
      throws Exception {
    webhooks = Webhooks.open(dataDir, WebhookDeliverySettings.defaults(), metrics);
    webhooks.deliverFrom(api.events());
    try {
      webhooksServer = webhooks.serve(at, ApiServerSettings.webhooks(), services);
    } catch (Exception e) {
      if (e instanceof java.net.BindException bind) {
        throw new java.net.BindException(
            ListenAddress.bindFailure("the webhooks API", at, "--webhooks-port", bind));
      }
      throw e;
    }
  }

  /**
   * The pool's admissions, refused from the first fatal failure on (the node is stopping); what the
   * pool accepts for relay is broadcast to the peers.
   */
  private PendingTransactions writesUntilFatal(PendingTransactions pending) {
    return new PendingTransactions() {
      @Override
      public CompletableFuture<AdmissionResult> submit(List<Submitted> batch)
          throws BatchTooLargeException {
        if (fatal.failed()) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("the node is stopping after a fatal failure"));
        }
        // what the pool accepted for relay goes to the peers (ARK's broadcast after admission)
        return pending
            .submit(batch)
            .whenComplete(
                (result, failure) -> {
                  if (result != null) {
                    p2p.ifPresent(service -> service.broadcast(result.broadcastTransactions()));
                  }
                });
      }

      @Override
      public PoolView view() {
        return pending.view();
      }
    };
  }

  @Override
  public void stop() {
    if (webhooksServer != null) {
      webhooksServer.close();
    }
    if (webhooks != null) {
      webhooks.close();
    }
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

  /** Where the webhooks API listens, when it is on and started. */
  Optional<InetSocketAddress> webhooksAddress() {
    ApiHttpServer started = webhooksServer;
    return started == null ? Optional.empty() : Optional.of(started.address());
  }

  @Override
  public String detail() {
    ApiHttpServer started = server;
    ApiHttpServer hooks = webhooksServer;
    return (started == null ? "" : url(started))
        + (hooks == null ? "" : ", webhooks " + url(hooks) + "/webhooks");
  }

  private static String url(ApiHttpServer started) {
    return "http://"
        + started.address().getHostString()
        + ":"
        + started.address().getPort()
        + "/api";
  }
}
