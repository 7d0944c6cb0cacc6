package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.network.PeerSummary;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.p2p.service.P2pService;
import com.osmosecollective.node.p2p.service.P2pSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The peer-to-peer layer of a node: ARK's protocol on its own port, fed by the chain and the pool.
 * The forger's quorum gate and the REST API read it through this service, which answers "no network
 * yet" until it runs.
 */
final class P2pNodeService implements Service {
  private final P2pSettings settings;
  private final Network network;
  private final NetworkTime time;
  private final Clock clock;
  private final StorageService storage;
  private final ChainService chain;
  private final PoolService pool;
  private volatile P2pService p2p;

  P2pNodeService(
      P2pSettings settings,
      Network network,
      NetworkTime time,
      Clock clock,
      StorageService storage,
      ChainService chain,
      PoolService pool) {
    this.settings = settings;
    this.network = network;
    this.time = time;
    this.clock = clock;
    this.storage = storage;
    this.chain = chain;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "p2p";
  }

  @Override
  public void start() throws Exception {
    P2pService made =
        new P2pService(
            settings,
            network,
            chain.chain(),
            storage.store(),
            pool.pool(),
            time,
            chain.verification(),
            clock);
    try {
      made.start();
    } catch (Exception e) {
      made.close(); // its threads, started before the bind failed
      // Netty rethrows the bind failure undeclared; say where, not only "Address already in use"
      if (e instanceof java.net.BindException bind) {
        throw new java.net.BindException(
            ListenAddress.bindFailure(
                "the P2P server",
                new java.net.InetSocketAddress(settings.host(), settings.port()),
                "--p2p-port",
                bind));
      }
      throw e;
    }
    p2p = made;
  }

  @Override
  public void stop() {
    p2p.close();
  }

  @Override
  public Duration stopTimeout() {
    return settings.shutdownTimeout();
  }

  @Override
  public String detail() {
    P2pService started = p2p;
    return started == null
        ? ""
        : "ws://"
            + started.boundAddress().getHostString()
            + ":"
            + started.boundAddress().getPort()
            + ", "
            + started.networkView().peers().size()
            + " peer(s)";
  }

  /** The port peers reach this node on (the bound one once started, else the configured one). */
  int port() {
    P2pService started = p2p;
    return started == null ? settings.port() : started.boundAddress().getPort();
  }

  InetSocketAddress boundAddress() {
    return p2p.boundAddress();
  }

  /** Tells peers the REST API's bound port (the API starts after P2P). */
  void announceApiPort(int apiPort) {
    P2pService started = p2p;
    if (started != null) {
      started.announceApiPort(apiPort);
    }
  }

  /** The network state for the forger's quorum gate; unknown until P2P runs. */
  CompletableFuture<NetworkState> currentNetworkState() {
    P2pService started = p2p;
    return started == null
        ? CompletableFuture.failedFuture(new IllegalStateException("P2P is not running"))
        : started.networkStateSource().current();
  }

  /** Relays transactions the pool accepted from the REST API. */
  void broadcast(List<Transaction> transactions) {
    P2pService started = p2p;
    if (started != null && !transactions.isEmpty()) {
      started.broadcastTransactions(transactions);
    }
  }

  /** The network as the REST API shows it; nothing until P2P runs. */
  NetworkView networkView() {
    return new NetworkView() {
      @Override
      public List<PeerSummary> peers() {
        P2pService started = p2p;
        return started == null ? List.of() : started.networkView().peers();
      }

      @Override
      public OptionalLong networkHeight() {
        P2pService started = p2p;
        return started == null ? OptionalLong.empty() : started.networkView().networkHeight();
      }

      @Override
      public boolean syncing() {
        P2pService started = p2p;
        return started != null && started.networkView().syncing();
      }
    };
  }
}
