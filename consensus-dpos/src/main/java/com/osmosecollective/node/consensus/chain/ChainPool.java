package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolAdmission;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.PoolFile;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.StateWalletStage;
import com.osmosecollective.node.consensus.pool.StoredTransaction;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.consensus.pool.TransactionPool;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.storage.ChainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool joined to the chain. The pool is confined to the chain thread, so it is
 * created there, kept current by the chain's events (which run there), and the forger and
 * submitters reach it through {@link Chain#callOnChainThread}.
 */
public final class ChainPool implements ChainListener, TransactionSource {
  private static final Logger LOG = LoggerFactory.getLogger(ChainPool.class);

  private final Chain chain;
  private final TransactionPool pool;
  private final AtomicBoolean publishQueued = new AtomicBoolean();
  private volatile PoolView view;

  private ChainPool(Chain chain, TransactionPool pool) {
    this.chain = chain;
    this.pool = pool;
    this.view = PoolView.empty(pool.lastHeight());
  }

  /** Creates the pool at the chain's tip and subscribes it to the chain's events. */
  public static ChainPool attach(
      Chain chain, Network network, ChainStore store, NetworkTime time, PoolConfig config) {
    TransactionPool pool =
        chain
            .callOnChainThread(
                () ->
                    new TransactionPool(
                        network,
                        config,
                        new StateWalletStage(
                            () -> new StoredWalletRepository(store.queries(), network.pubKeyHash()),
                            TransactionHandlers.withBestVerifier(),
                            () -> {
                              Block tip = chain.snapshot().lastBlock();
                              return StateContext.forPool(
                                  network, tip.height(), tip.timestamp(), time.now());
                            }),
                        new TransactionVerifier(SignatureVerifiers.best()),
                        time::now,
                        chain.snapshot().height()))
            .join();
    ChainPool joined = new ChainPool(chain, pool);
    chain.addListener(joined);
    return joined;
  }

  /**
   * The pending transactions as last published: a consistent copy made on the chain thread after
   * the pool changed (one copy per burst of changes), read without waiting for the chain thread.
   */
  public PoolView view() {
    return view;
  }

  /** On the chain thread, after the pool may have changed: queue one copy for readers. */
  private void changed() {
    if (publishQueued.compareAndSet(false, true)) {
      // publishing a copy cannot fail in a way a caller could act on
      var unused =
          chain.callOnChainThread(
              () -> {
                publishQueued.set(false);
                view = pool.view();
                return null;
              });
    }
  }

  /** Admits a batch (both stages on the chain thread). */
  public CompletableFuture<AdmissionResult> add(List<Submitted> batch) {
    return chain.callOnChainThread(
        () -> {
          try {
            AdmissionResult result = pool.add(batch);
            changed();
            return result;
          } catch (BatchTooLargeException e) {
            throw new CompletionException(e);
          }
        });
  }

  /**
   * ARK's two-stage admission for API and P2P submitters: stateless checks and signatures in
   * parallel on {@code verifiers}, then admission on the chain thread.
   */
  public PoolAdmission admission(Executor verifiers) {
    return new PoolAdmission(
        pool,
        verifiers,
        work -> {
          // the work completes PoolAdmission's own stage, where its failures surface
          var unused =
              chain.callOnChainThread(
                  () -> {
                    work.run();
                    changed();
                    return null;
                  });
        });
  }

  /** Writes the pending transactions to {@code file} (at shutdown). */
  public void saveTo(Path file) {
    chain
        .callOnChainThread(
            () -> {
              try {
                PoolFile.write(file, pool.snapshot());
                return null;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .join();
  }

  /**
   * Re-admits the transactions saved in {@code file}, re-checked against the current state; returns
   * how many are back. A damaged file is reported and ignored.
   */
  public int restoreFrom(Path file, TxContext ctx) {
    return chain
        .callOnChainThread(
            () -> {
              try {
                List<StoredTransaction> saved = PoolFile.read(file, ctx);
                List<Transaction> dropped = pool.restore(saved);
                changed();
                return saved.size() - dropped.size();
              } catch (IOException | DecodeException e) {
                LOG.warn("ignoring the saved pool {}: {}", file, e.getMessage());
                return 0;
              }
            })
        .join();
  }

  /** How many transactions wait (read on the chain thread). */
  public int size() {
    return chain.callOnChainThread(pool::size).join();
  }

  @Override
  public List<Transaction> collectForBlock(int maxTransactions, long maxPayloadBytes) {
    return chain
        .callOnChainThread(
            () -> {
              List<Transaction> collected = pool.collectForBlock(maxTransactions, maxPayloadBytes);
              changed();
              return collected;
            })
        .join();
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    List<Transaction> dropped = pool.onBlockApplied(block);
    changed();
    if (!dropped.isEmpty()) {
      LOG.info("pool dropped {} transaction(s) after block {}", dropped.size(), block.height());
    }
  }

  @Override
  public void blockReverted(Block block) {
    pool.onBlockReverted(block);
    changed();
  }
}
