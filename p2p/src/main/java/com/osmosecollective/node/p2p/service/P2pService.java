package com.osmosecollective.node.p2p.service;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.MissedBlocksForkCheck;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.ForkCheckOnMissedSlots;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.NetworkStateConfig;
import com.osmosecollective.node.consensus.netstate.NetworkStateSource;
import com.osmosecollective.node.consensus.netstate.PeerObservations;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.p2p.codec.GetBlocksCodec;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.peer.AddressPolicy;
import com.osmosecollective.node.p2p.peer.InboundRateLimiter;
import com.osmosecollective.node.p2p.peer.NetworkMonitor;
import com.osmosecollective.node.p2p.peer.OutboundThrottle;
import com.osmosecollective.node.p2p.peer.PeerAcceptance;
import com.osmosecollective.node.p2p.peer.PeerClient;
import com.osmosecollective.node.p2p.peer.PeerConnector;
import com.osmosecollective.node.p2p.peer.PeerIp;
import com.osmosecollective.node.p2p.peer.PeerTable;
import com.osmosecollective.node.p2p.peer.PeerVerifier;
import com.osmosecollective.node.p2p.peer.PluginPortProbe;
import com.osmosecollective.node.p2p.peer.Reputation;
import com.osmosecollective.node.p2p.peer.WireBlockReader;
import com.osmosecollective.node.p2p.relay.BlockRelay;
import com.osmosecollective.node.p2p.relay.TransactionRelay;
import com.osmosecollective.node.p2p.server.BlockRoutes;
import com.osmosecollective.node.p2p.server.InternalRoutes;
import com.osmosecollective.node.p2p.server.LocalStatus;
import com.osmosecollective.node.p2p.server.PeerRoutes;
import com.osmosecollective.node.p2p.server.Route;
import com.osmosecollective.node.p2p.server.Router;
import com.osmosecollective.node.p2p.server.TransactionRoutes;
import com.osmosecollective.node.p2p.sync.BlockSync;
import com.osmosecollective.node.p2p.transport.ConnectionGate;
import com.osmosecollective.node.p2p.transport.InboundByteBudget;
import com.osmosecollective.node.p2p.transport.P2pChannelInitializer;
import com.osmosecollective.node.storage.ChainStore;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P2P layer of one node, assembled from its settings and the node's chain: the WebSocket server
 * and client, peer acceptance and maintenance, sync, relay, and the pieces consensus asks for
 * ({@link #networkView()}, {@link #peerObservations()}, {@link #coldStart()}, {@link
 * #networkStateSource()}). Start after the chain; close before it.
 */
public final class P2pService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(P2pService.class);

  private final P2pSettings settings;
  private final Chain chain;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ThreadPoolExecutor serving;
  private final ThreadPoolExecutor relaying;
  private final ScheduledExecutorService scheduler;
  private final Reputation reputation;
  private final AddressPolicy policy;
  private final PeerTable table;
  private final PeerConnector connector;
  private final InboundByteBudget frameBudget;
  private final PeerAcceptance acceptance;
  private final NetworkMonitor monitor;
  private final BlockSync sync;
  private final BlockRelay blockRelay;
  private final TransactionRelay transactionRelay;
  private final ColdStart coldStart = new ColdStart();
  private final NetworkStateSource networkState;
  private final NetworkView view;
  private final ServerBootstrap server;
  private final List<com.osmosecollective.node.p2p.peer.PeerKey> seeds;
  private final LocalStatus status;
  private volatile Channel serverChannel;
  private volatile boolean started;

  /**
   * @param pool the chain's pool: P2P admits posted transactions through its two-stage admission
   *     and serves the forger's internal routes from it
   * @param verifiers where transaction signatures are checked in parallel (the node's verifier
   *     pool)
   * @param clock wall time for bans and peer bookkeeping
   */
  public P2pService(
      P2pSettings settings,
      Network network,
      Chain chain,
      ChainStore store,
      ChainPool pool,
      NetworkTime time,
      Executor verifiers,
      Clock clock) {
    this.settings = settings;
    this.chain = chain;
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    this.serving = boundedPool("p2p-serve", 2, 512);
    this.relaying = boundedPool("p2p-relay", 1, 1024);
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("p2p-scheduler"));

    Set<InetAddress> remoteAccess = new HashSet<>();
    for (String ip : settings.remoteAccess()) {
      PeerIp.parse(ip).ifPresent(remoteAccess::add);
    }
    boolean allowLocal = settings.allowLocalPeers() || SeedPeers.localDevnet(network);
    this.reputation = new Reputation(clock, settings.violationsBeforeBan(), settings.banTime());
    this.policy = new AddressPolicy(allowLocal);
    this.table = new PeerTable(settings.maxPeers(), settings.maxPerSubnet(), allowLocal);
    InboundRateLimiter inbound = new InboundRateLimiter(settings.rates(), remoteAccess);
    OutboundThrottle throttle = new OutboundThrottle(settings.rates(), scheduler);
    // one budget of large inbound frames for every socket, inbound and outbound
    this.frameBudget = new InboundByteBudget(settings.limits().inboundBudgetBytes());
    this.connector =
        new PeerConnector(
            workers,
            P2pChannelInitializer.outbound(settings.limits(), reputation, inbound, frameBudget),
            reputation,
            Duration.ofSeconds(5),
            Duration.ofSeconds(2));
    int maxTransactions =
        network.milestones().all().stream().mapToInt(m -> m.maxTransactions()).max().orElse(500);
    PeerClient client =
        new PeerClient(
            connector,
            throttle,
            reputation,
            () -> new Headers(settings.appVersion(), ownPort()),
            settings.limits(),
            new GetBlocksCodec(Math.max(500, maxTransactions)));
    WireBlockReader reader = new WireBlockReader(network, SignatureVerifiers.best());
    PeerVerifier verifier = new PeerVerifier(network, chain, store.queries(), client, reader);
    this.acceptance = new PeerAcceptance(table, policy, reputation, verifier, clock, this::ownPort);
    this.monitor =
        new NetworkMonitor(
            table,
            acceptance,
            client,
            scheduler,
            settings.minimumNetworkReach(),
            settings.discoveryInterval(),
            coldStart,
            settings.networkStart());
    this.sync =
        new BlockSync(
            network,
            chain,
            table,
            client,
            acceptance,
            reader,
            reputation,
            monitor,
            time,
            settings.sync());
    acceptance.onAccepted(peer -> sync.wakeUp());
    PluginPortProbe ports = new PluginPortProbe(relaying);
    acceptance.onAccepted(
        peer -> {
          var unused = ports.probe(peer);
        });
    this.blockRelay =
        new BlockRelay(
            network, chain, table, client, reputation, relaying, scheduler, sync::wakeUp);
    this.transactionRelay = new TransactionRelay(table, client, relaying);
    this.networkState =
        new NetworkStateSource(
            () -> chain.snapshot().lastBlock(),
            chain.timestampLookup(),
            time,
            new Slots(network.milestones()),
            monitor,
            coldStart,
            new NetworkStateConfig(
                settings.minimumNetworkReach(), NetworkStateConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS));
    this.view = new PeerNetworkView(table, monitor, sync);
    this.seeds = SeedPeers.of(network, settings.seedPeers());

    reputation.onBan(
        ip -> {
          table.removeIp(ip);
        });
    table.onRemoved(
        peer -> {
          connector.disconnect(peer.key());
          throttle.forget(peer.key());
        });

    this.status = new LocalStatus(chain, network, time, settings.appVersion(), settings.plugins());
    List<Route> routes = new ArrayList<>();
    routes.addAll(new PeerRoutes(table, status, store.queries()).routes());
    routes.addAll(new BlockRoutes(network, chain, store.queries(), blockRelay).routes());
    routes.addAll(
        new TransactionRoutes(network, chain, pool.admission(verifiers), transactionRelay)
            .routes());
    routes.addAll(
        new InternalRoutes(network, chain, store.queries(), pool, time, networkState, sync::wakeUp)
            .routes());
    Map<String, Route> byName = new HashMap<>();
    routes.forEach(r -> byName.put(r.name(), r));
    Router router =
        new Router(
            byName,
            remoteAccess,
            inbound,
            reputation,
            () -> started && chain.snapshot() != null,
            serving,
            acceptance);
    ConnectionGate gate =
        new ConnectionGate(
            settings.maxInbound(),
            settings.maxInboundPerIp(),
            settings.maxPerSubnet() * settings.maxInboundPerIp(),
            reputation::isBanned,
            remoteAccess,
            PeerIp::subnet);
    this.server =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                P2pChannelInitializer.inbound(
                    settings.limits(), reputation, inbound, router, gate, frameBudget));

    chain.addListener(blockRelay);
    chain.addListener(
        new ForkCheckOnMissedSlots(
            new MissedBlocksForkCheck(network.milestones(), Math::random, clock::millis),
            () -> scheduler.execute(this::networkHealthCheck)));
  }

  /** Binds the server (port 0: any free port, logged), then dials the seeds and starts syncing. */
  public void start() throws InterruptedException {
    serverChannel = server.bind(settings.host(), settings.port()).sync().channel();
    InetSocketAddress bound = boundAddress();
    policy.ownAddress(bound);
    LOG.info(
        "P2P listening on {}:{} (version {}, {} seed peer(s))",
        settings.host(),
        bound.getPort(),
        settings.appVersion(),
        seeds.size());
    started = true;
    monitor.start(seeds);
    sync.start();
  }

  /**
   * Announces the public API's port in our status from now on (the API binds after P2P; with {@code
   * --api-port 0} only then is its port known).
   */
  public void announceApiPort(int apiPort) {
    status.plugins(settings.withApiPort(apiPort).plugins());
  }

  /** The address the server is bound to. */
  public InetSocketAddress boundAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  private int ownPort() {
    Channel channel = serverChannel;
    return channel == null ? settings.port() : boundAddress().getPort();
  }

  /** For the REST API: peers, network height, syncing. */
  public NetworkView networkView() {
    return view;
  }

  /** For consensus' network state: a forced fast ping of every peer. */
  public PeerObservations peerObservations() {
    return monitor;
  }

  /** The cold-start flag this service arms in genesis mode. */
  public ColdStart coldStart() {
    return coldStart;
  }

  /** The network state the forger's quorum gate asks ({@code QuorumGate(source::current, …)}). */
  public NetworkStateSource networkStateSource() {
    return networkState;
  }

  /** Relays transactions the pool accepted from the API (its {@code broadcastTransactions}). */
  public void broadcastTransactions(List<Transaction> transactions) {
    transactionRelay.accept(transactions);
  }

  /** Looks at the network now (the forger's syncBlockchain does the same). */
  public void syncNow() {
    sync.wakeUp();
  }

  /** The reputation path (tests and metrics). */
  public Reputation reputation() {
    return reputation;
  }

  /** The byte budget of large inbound frames (tests and metrics). */
  public InboundByteBudget frameBudget() {
    return frameBudget;
  }

  /** The peer table (tests and metrics). */
  public PeerTable peers() {
    return table;
  }

  /** ARK's network health check from the missed-slots heuristic: roll back when peers say so. */
  private void networkHealthCheck() {
    long height = chain.snapshot().height();
    var unused =
        monitor
            .forkCheck(height)
            .thenAccept(
                blocks -> {
                  if (blocks > 0) {
                    LOG.warn("network health check: rolling back {} block(s)", blocks);
                    var unusedRevert = chain.revert(blocks).thenRun(sync::wakeUp);
                  }
                });
  }

  /** Stops serving, syncing and dialling; bounded by the settings' shutdown timeout. */
  @Override
  public void close() {
    started = false;
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    monitor.stop();
    sync.close();
    connector.close();
    Channel channel = serverChannel;
    if (channel != null) {
      channel.close().awaitUninterruptibly(remainingMillis(deadline));
    }
    scheduler.shutdownNow();
    serving.shutdownNow();
    relaying.shutdownNow();
    var bossDone = boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    var workersDone = workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workersDone.awaitUninterruptibly(remainingMillis(deadline));
    bossDone.awaitUninterruptibly(remainingMillis(deadline));
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static ThreadPoolExecutor boundedPool(String name, int threads, int queue) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue),
        daemon(name),
        new ThreadPoolExecutor.AbortPolicy());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
