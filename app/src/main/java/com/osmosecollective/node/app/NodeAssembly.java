package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.ServiceHealth;
import com.osmosecollective.node.app.lifecycle.ServiceTree;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.consensus.chain.StateApplier;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.consensus.forger.NoPeersGate;
import com.osmosecollective.node.consensus.forger.QuorumGate;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.consensus.netstate.NetworkStateSource;
import com.osmosecollective.node.consensus.netstate.PeerObservations;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.p2p.service.P2pSettings;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.WriteFaults;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the node's parts are built and connected (constructor injection, no
 * singletons): a {@link ServiceTree} of storage → chain → pool → P2P (unless isolated) → forger
 * (with delegate keys) → REST API (when asked for), built once from the {@link Settings}. Starting
 * it starts them in that order; closing it stops them in reverse, within {@link #STOP_WITHIN}. A
 * fatal failure anywhere ({@link FatalStop}) stops forging at once and ends the run with the
 * failure's exit code.
 *
 * <p>Adding a service is one line in {@link #services()}, at its place in the dependency order.
 */
final class NodeAssembly implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

  /** SIGTERM must end the process within 10 s; the tree gets 9 of them. */
  static final Duration STOP_WITHIN = Duration.ofSeconds(9);

  /**
   * @param keys the delegates to forge for; empty for a relay
   * @param peers the peer network, once P2P provides it: on a network that is not a local devnet
   *     the forger then forges only when the peers' quorum allows; without peers it never forges
   *     there
   * @param api where the REST API listens; empty for none
   * @param webhooks where ARK's webhooks API listens (with the REST API only); empty for none
   * @param p2p the peer-to-peer server's settings; empty for an isolated node. With P2P, the forger
   *     of a network that is not a local devnet forges when the peers' quorum allows
   * @param newChain whether a missing chain may be started anew beside the node's other state
   *     ({@code --new-chain}, see {@link DataDirGuard})
   * @param payouts whether the delegates of {@code keys} pay their proposals' payout periods
   *     automatically ({@code --payouts}, see {@link PayoutsService}); ignored without keys
   * @param seams test doubles for failure tests; {@link TestSeams#NONE} in a node
   */
  record Settings(
      Network network,
      Path dataDir,
      DelegateKeys keys,
      Clock clock,
      Optional<PeerNetwork> peers,
      Optional<InetSocketAddress> api,
      Optional<InetSocketAddress> webhooks,
      Optional<P2pSettings> p2p,
      boolean newChain,
      boolean payouts,
      TestSeams seams) {
    /** A node without peers and without the REST API. */
    Settings(Network network, Path dataDir, DelegateKeys keys, Clock clock) {
      this(network, dataDir, keys, clock, Optional.empty());
    }

    Settings(
        Network network,
        Path dataDir,
        DelegateKeys keys,
        Clock clock,
        Optional<PeerNetwork> peers) {
      this(
          network,
          dataDir,
          keys,
          clock,
          peers,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          false,
          TestSeams.NONE);
    }

    /** The same settings with the REST API served at {@code address} (or not, when empty). */
    Settings withApi(Optional<InetSocketAddress> address) {
      return new Settings(
          network, dataDir, keys, clock, peers, address, webhooks, p2p, newChain, payouts, seams);
    }

    /** The same settings with ARK's webhooks API served at {@code address} (or not, when empty). */
    Settings withWebhooks(Optional<InetSocketAddress> address) {
      return new Settings(
          network, dataDir, keys, clock, peers, api, address, p2p, newChain, payouts, seams);
    }

    /** The same settings with a P2P server (or none, when empty). */
    Settings withP2p(Optional<P2pSettings> value) {
      return new Settings(
          network, dataDir, keys, clock, peers, api, webhooks, value, newChain, payouts, seams);
    }

    Settings withNewChain(boolean value) {
      return new Settings(
          network, dataDir, keys, clock, peers, api, webhooks, p2p, value, payouts, seams);
    }

    /**
     * The same settings with automatic payouts (issue #14) for the delegates of {@code keys}, or
     * without.
     */
    Settings withPayouts(boolean value) {
      return new Settings(
          network, dataDir, keys, clock, peers, api, webhooks, p2p, newChain, value, seams);
    }

    Settings withSeams(TestSeams value) {
      return new Settings(
          network, dataDir, keys, clock, peers, api, webhooks, p2p, newChain, payouts, value);
    }
  }

  /** What tests of failure handling inject: a storage whose writes fail, state rules that throw. */
  record TestSeams(WriteFaults writes, UnaryOperator<StateApplier> applier) {
    static final TestSeams NONE = new TestSeams(WriteFaults.NONE, UnaryOperator.identity());
  }

  /**
   * What P2P provides for the network state: the peers' answers, the cold-start flag it arms in
   * genesis mode, and the settings (minimum network reach, the forger's timeout).
   */
  record PeerNetwork(
      PeerObservations observations, ColdStart coldStart, NetworkStateConfig config) {}

  private final Settings settings;
  private final FatalStop fatal;
  private final StorageService storage;
  private final ChainService chain;
  private final PoolService pool;
  private final Optional<NetworkStateSource> networkState;
  private final Optional<P2pNodeService> p2p;
  private final Optional<ForgerService> forger;
  private final Optional<PayoutsService> payouts;
  private final Optional<ApiService> api;
  private final ServiceTree tree;

  private NodeAssembly(Settings settings) {
    this.settings = settings;
    Network network = settings.network();
    NetworkTime time = new NetworkTime(network.epoch(), settings.clock());
    this.storage =
        new StorageService(
            settings.dataDir(), network, settings.newChain(), settings.seams().writes());
    this.fatal = new FatalStop(settings.dataDir(), storage::committedHeight);
    storage.onFailure(failure -> fatal.report(storage.name(), failure));
    this.chain = new ChainService(network, time, storage, settings.seams().applier(), fatal);
    this.pool = new PoolService(network, settings.dataDir(), time, storage, chain);
    this.networkState = settings.peers().map(peers -> networkStateSource(peers, time));
    this.p2p =
        settings
            .p2p()
            .map(
                p2pSettings ->
                    new P2pNodeService(
                        p2pSettings, network, time, settings.clock(), storage, chain, pool));
    this.forger =
        settings.keys().isEmpty()
            ? Optional.empty()
            : Optional.of(
                new ForgerService(
                    network,
                    settings.dataDir(),
                    settings.keys(),
                    time,
                    storage,
                    chain,
                    pool,
                    gate(time),
                    forgingMode(),
                    fatal));
    this.payouts =
        settings.payouts() && !settings.keys().isEmpty()
            ? Optional.of(
                new PayoutsService(
                    network,
                    settings.dataDir(),
                    settings.keys(),
                    storage,
                    chain,
                    pool,
                    this::relay,
                    fatal))
            : Optional.empty();
    this.api =
        settings
            .api()
            .map(
                address ->
                    new ApiService(
                        address,
                        settings.webhooks(),
                        settings.dataDir(),
                        network,
                        time,
                        storage,
                        chain,
                        pool,
                        p2p,
                        fatal));
    this.tree = services();
    fatal.onFatal(failure -> tree.reportError(failure.service(), failure.cause()));
  }

  /** The services in dependency order: each uses only those before it. */
  private ServiceTree services() {
    return ServiceTree.builder(settings.clock())
        .add(storage)
        .add(chain)
        .add(pool)
        .add(p2p)
        .add(forger)
        .add(payouts)
        .add(api)
        .build();
  }

  /** What the pool accepted for relay goes to the peers (nowhere without P2P). */
  private void relay(List<com.osmosecollective.node.core.tx.Transaction> transactions) {
    p2p.ifPresent(service -> service.broadcast(transactions));
  }

  /** Builds the node (nothing is opened before {@link #start()}). */
  static NodeAssembly open(Settings settings) {
    return new NodeAssembly(settings);
  }

  /** {@link #open} then {@link #start}; a failed start leaves nothing running. */
  static NodeAssembly openAndStart(Settings settings) throws Exception {
    NodeAssembly node = open(settings);
    node.start();
    return node;
  }

  /** Starts every service in order; when one fails the started ones are stopped again. */
  void start() throws Exception {
    tree.start();
    LOG.info(
        "services running: {}",
        String.join("; ", tree.health().stream().map(h -> h.name() + " " + h.detail()).toList()));
  }

  /** The chain as every command builds it: core state rules, best signature verifier. */
  static Chain newChain(
      Network network, ChainStore store, ExecutorService verification, NetworkTime time) {
    return newChain(network, store, verification, time, UnaryOperator.identity());
  }

  static Chain newChain(
      Network network,
      ChainStore store,
      ExecutorService verification,
      NetworkTime time,
      UnaryOperator<StateApplier> applier) {
    return new Chain(
        network,
        store,
        applier.apply(new CoreStateApplier(network, TransactionHandlers.withBestVerifier())),
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

  /**
   * Only a local devnet forges alone; elsewhere the peers' quorum decides (from P2P, or from the
   * peer network a test gives), and without P2P the node never forges (alone it would fork the
   * network and double-forge once connected).
   */
  private NetworkGate gate(NetworkTime time) {
    Network network = settings.network();
    if (network.localDevnet()) {
      return NetworkGate.ALONE;
    }
    if (networkState.isPresent()) {
      return new QuorumGate(
          networkState.get()::current,
          settings.peers().orElseThrow().config().requestTimeoutMillis());
    }
    if (p2p.isPresent()) {
      return new QuorumGate(
          p2p.get()::currentNetworkState, NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS);
    }
    return new NoPeersGate(
        time, network.milestones(), "this node has no peers (it runs without P2P)");
  }

  private String forgingMode() {
    if (settings.network().localDevnet()) {
      return "alone (a local devnet)";
    }
    return settings.peers().isPresent() || p2p.isPresent()
        ? "when the peers' quorum allows"
        : "never: no peers on a network that is not a local devnet (a relay; the reason is logged"
            + " once per round)";
  }

  private NetworkStateSource networkStateSource(PeerNetwork peers, NetworkTime time) {
    return new NetworkStateSource(
        () -> chain.chain().snapshot().lastBlock(),
        height -> chain.chain().timestampLookup().timestampOf(height),
        time,
        new Slots(settings.network().milestones()),
        peers.observations(),
        peers.coldStart(),
        peers.config());
  }

  /** Where the P2P server listens (the actual port when 0 was asked), empty without P2P. */
  Optional<InetSocketAddress> p2pAddress() {
    return p2p.map(P2pNodeService::boundAddress);
  }

  /** Where the REST API listens (the actual port when 0 was asked), empty when it is off. */
  Optional<InetSocketAddress> apiAddress() {
    return api.map(ApiService::address);
  }

  /** Where ARK's webhooks API listens, when it is on. */
  Optional<InetSocketAddress> webhooksAddress() {
    return api.flatMap(ApiService::webhooksAddress);
  }

  /**
   * The network state, for P2P to serve as {@code p2p.internal.getNetworkState}; empty without
   * peers. Usable once the node started.
   */
  Optional<NetworkStateSource> networkState() {
    return networkState;
  }

  /** The transaction pool (for API and P2P submitters: {@code pool().admission(executor)}). */
  ChainPool pool() {
    return pool.pool();
  }

  Chain chain() {
    return chain.chain();
  }

  /** The committed chain's queries (usable once the node started). */
  com.osmosecollective.node.storage.ChainQueries queries() {
    return storage.store().queries();
  }

  /** The services' names in start order. */
  List<String> serviceNames() {
    return tree.names();
  }

  /** What runs, since when, the last error: for the log and {@code /api/node/status}. */
  List<ServiceHealth> health() {
    return tree.health();
  }

  /**
   * Whether the node still accepts writes (pool admissions from the API or P2P): false from the
   * first fatal failure on.
   */
  boolean acceptsWrites() {
    return !fatal.failed();
  }

  /** The fatal failure that stopped the node, if one did. */
  Optional<FatalFailure> fatal() {
    return fatal.failure();
  }

  /** Called once, on the failing thread, with the first fatal failure; must not block. */
  void onFatal(Consumer<FatalFailure> listener) {
    fatal.onFatal(listener);
  }

  /** Stops the services in reverse order within {@link #STOP_WITHIN}. Idempotent. */
  @Override
  public void close() {
    long height = storage.committedHeight();
    boolean clean = tree.stop(STOP_WITHIN);
    for (ServiceHealth h : tree.health()) {
      LOG.debug("{}", h.describe());
    }
    if (clean) {
      LOG.info("stopped; chain database closed at height {}", height);
    } else {
      LOG.warn("stopped, not cleanly: the chain database recovers at the next start");
    }
  }
}
