package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.core.tx.TxContext;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool joined to the chain; its pending transactions are kept in {@code
 * <data-dir>/pool.dat} across restarts (saved at stop, re-checked when restored).
 */
final class PoolService implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(PoolService.class);

  private final Network network;
  private final Path file;
  private final NetworkTime time;
  private final StorageService storage;
  private final ChainService chain;
  private volatile ChainPool pool;

  PoolService(
      Network network, Path dataDir, NetworkTime time, StorageService storage, ChainService chain) {
    this.network = network;
    this.file = dataDir.resolve("pool.dat");
    this.time = time;
    this.storage = storage;
    this.chain = chain;
  }

  @Override
  public String name() {
    return "pool";
  }

  @Override
  public void start() throws Exception {
    ChainPool attached =
        ChainPool.attach(chain.chain(), network, storage.store(), time, PoolConfig.defaults());
    long height = chain.chain().snapshot().height();
    int restored = attached.restoreFrom(file, TxContext.of(network, height + 1));
    if (restored > 0) {
      LOG.info("{} pending transaction(s) back in the pool", restored);
    }
    pool = attached;
  }

  @Override
  public void stop() {
    try {
      pool.saveTo(file);
    } catch (RuntimeException e) {
      LOG.warn("could not save the pool to {}: {}", file, e.getMessage());
    }
  }

  ChainPool pool() {
    ChainPool started = pool;
    if (started == null) {
      throw new IllegalStateException("the pool is not started");
    }
    return started;
  }

  @Override
  public String detail() {
    // the pool's size is read on the chain thread: a health view must not wait for it
    return "";
  }
}
