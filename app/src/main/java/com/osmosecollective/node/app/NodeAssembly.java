package com.osmosecollective.node.app;

import com.osmosecollective.node.api.ApiHttpServer;
import com.osmosecollective.node.api.ApiServerSettings;
import com.osmosecollective.node.api.ApiServices;
import com.osmosecollective.node.api.MetricsEndpoint;
import com.osmosecollective.node.api.NodeMetrics;
import com.osmosecollective.node.api.PendingTransactions;
import com.osmosecollective.node.api.RestApi;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.ForgerLoop;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.consensus.forger.QuorumGate;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.consensus.netstate.NetworkStateSource;
import com.osmosecollective.node.consensus.netstate.PeerObservations;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreMetrics;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the node's parts are built and connected (constructor injection, no
 * singletons): chain database, signature verification, chain thread, block log and, with delegate
 * keys, the forger. Closing it stops the forger, then the chain, then closes the database.
 */
final class NodeAssembly implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);
  private static final long FORGER_TICK_MILLIS = 200;

  /**
   * @param keys the delegates to forge for; empty for a relay
   * @param peers the peer network, when peers are configured: the forger then forges only when the
   *     network state allows it; without, it forges alone (a local devnet, and every node until P2P
   *     exists to provide this)
   */
  record Settings(
      Network network,
      Path dataDir,
      DelegateKeys keys,
      Clock clock,
      Optional<PeerNetwork> peers,
      Optional<InetSocketAddress> api) {
    /** A node without peers and without the REST API. */
    Settings(Network network, Path dataDir, DelegateKeys keys, Clock clock) {
      this(network, dataDir, keys, clock, Optional.empty(), Optional.empty());
    }

    Settings(
        Network network,
        Path dataDir,
        DelegateKeys keys,
        Clock clock,
        Optional<PeerNetwork> peers) {
      this(network, dataDir, keys, clock, peers, Optional.empty());
    }

    /** The same settings with the REST API served at {@code address} (or not, when empty). */
    Settings withApi(Optional<InetSocketAddress> address) {
      return new Settings(network, dataDir, keys, clock, peers, address);
    }
  }

  /**
   * What P2P provides for the network state: the peers' answers, the cold-start flag it arms in
   * genesis mode, and the settings (minimum network reach, the forger's timeout).
   */
  record PeerNetwork(
      PeerObservations observations, ColdStart coldStart, NetworkStateConfig config) {}

  /** The P2P port {@code /api/node/configuration} reports (ARK's default; no P2P server yet). */
  private static final int P2P_PORT = 4001;

  private final Settings settings;
  private final ExecutorService verification;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ChainStore store;
  private final Chain chain;
  private final NetworkTime time;
  private ChainPool pool;
  private ForgerLoop forgerLoop;
  private NetworkStateSource networkState;
  private ApiHttpServer api;
  private boolean closed;

  private NodeAssembly(Settings settings, ExecutorService verification, ChainStore store) {
    this.settings = settings;
    this.verification = verification;
    this.store = store;
    Network network = settings.network();
    NetworkTime time = new NetworkTime(network.epoch(), settings.clock());
    this.chain = newChain(network, store, verification, time);
    chain.addListener(new BlockLog());
    this.time = time;
  }

  /** The chain as every command builds it: core state rules, best signature verifier. */
  static Chain newChain(
      Network network, ChainStore store, ExecutorService verification, NetworkTime time) {
    return new Chain(
        network,
        store,
        new CoreStateApplier(network, TransactionHandlers.withBestVerifier()),
        new BlockVerifier(network, SignatureVerifiers.best(), verification),
        time,
        RollbackPolicy.arkRandom(RandomGenerator.getDefault()));
  }

  /** One signature-verification worker per core (daemon threads). */
  static ExecutorService verificationPool() {
    return Executors.newFixedThreadPool(
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "verify");
          t.setDaemon(true);
          return t;
        });
  }

  static NodeAssembly open(Settings settings) throws StoreOpenException, IOException {
    Files.createDirectories(settings.dataDir());
    ExecutorService verification = verificationPool();
    ChainStore store;
    try {
      store =
          ChainStore.open(StoreOptions.inDataDir(settings.dataDir()), settings.network().nethash());
    } catch (StoreOpenException | RuntimeException e) {
      verification.shutdown();
      throw e;
    }
    try {
      return new NodeAssembly(settings, verification, store);
    } catch (RuntimeException e) {
      store.close();
      verification.shutdown();
      throw e;
    }
  }

  /** {@link #open} then {@link #start}; what was opened is closed again when starting fails. */
  static NodeAssembly openAndStart(Settings settings) throws StoreOpenException, IOException {
    NodeAssembly node = open(settings);
    try {
      node.start();
      return node;
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
  }

  /**
   * Opens the chain at its tip (or applies the genesis block), joins the transaction pool to it and
   * starts forging if keyed.
   */
  ChainSnapshot start() throws IOException {
    ChainSnapshot snapshot = chain.start();
    Network network = settings.network();
    pool = ChainPool.attach(chain, network, store, time, PoolConfig.defaults());
    int restored = pool.restoreFrom(poolFile(), TxContext.of(network, snapshot.height() + 1));
    if (restored > 0) {
      LOG.info("{} pending transaction(s) back in the pool", restored);
    }
    networkState = settings.peers().map(this::networkStateSource).orElse(null);
    if (!settings.keys().isEmpty()) {
      Path slots = settings.dataDir().resolve("forger").resolve("last-forged-slot");
      Files.createDirectories(slots.getParent());
      Forger forger =
          new Forger(
              network,
              chain,
              time,
              settings.keys(),
              ForgedSlots.inFile(slots),
              pool,
              networkGate());
      forgerLoop = new ForgerLoop(forger, FORGER_TICK_MILLIS);
      LOG.info(
          "forging for {} delegate(s), {}",
          settings.keys().size(),
          networkState == null ? "alone (no peers configured)" : "when the peers' quorum allows");
      forgerLoop.start();
    }
    if (settings.api().isPresent()) {
      try {
        InetSocketAddress apiAddress = settings.api().get();
        ApiServices services =
            new ApiServices(
                network,
                store.queries(),
                PendingTransactions.of(pool, verification),
                PoolConfig.defaults(),
                NetworkView.none(),
                time::now,
                metrics,
                P2P_PORT,
                apiAddress.getPort());
        chain.addListener(NodeMetrics.bind(services));
        StoreMetrics.bind(store, metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        api =
            ApiHttpServer.start(
                apiAddress,
                new RestApi(services),
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
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the REST API", e);
      }
    }
    return snapshot;
  }

  /** Where the REST API listens (the actual port when 0 was asked), empty when it is off. */
  Optional<InetSocketAddress> apiAddress() {
    return api == null ? Optional.empty() : Optional.of(api.address());
  }

  private NetworkStateSource networkStateSource(PeerNetwork peers) {
    return new NetworkStateSource(
        () -> chain.snapshot().lastBlock(),
        chain.timestampLookup(),
        time,
        new Slots(settings.network().milestones()),
        peers.observations(),
        peers.coldStart(),
        peers.config());
  }

  /** Without peers the forger forges alone; with peers it needs their quorum. */
  private NetworkGate networkGate() {
    if (networkState == null) {
      return NetworkGate.ALONE;
    }
    return new QuorumGate(
        networkState::current, settings.peers().orElseThrow().config().requestTimeoutMillis());
  }

  /**
   * The network state, for P2P to serve as {@code p2p.internal.getNetworkState}; empty without
   * peers. Available after {@link #start()}.
   */
  Optional<NetworkStateSource> networkState() {
    return Optional.ofNullable(networkState);
  }

  private Path poolFile() {
    return settings.dataDir().resolve("pool.dat");
  }

  /** The transaction pool (for API and P2P submitters: {@code pool().admission(executor)}). */
  ChainPool pool() {
    return pool;
  }

  Chain chain() {
    return chain;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (api != null) {
      api.close();
    }
    if (forgerLoop != null) {
      forgerLoop.close();
    }
    if (pool != null) {
      try {
        pool.saveTo(poolFile());
      } catch (RuntimeException e) {
        LOG.warn("could not save the pool: {}", e.getMessage());
      }
    }
    chain.close();
    store.close();
    verification.shutdown();
    try {
      verification.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info(
        "stopped; chain database closed at height {}",
        chain.snapshot() == null ? 0 : chain.snapshot().height());
  }
}
