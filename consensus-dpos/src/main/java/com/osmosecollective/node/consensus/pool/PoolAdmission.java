package com.osmosecollective.node.consensus.pool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * How the API and P2P layers submit a batch: the stateless checks and signature verifications run
 * in parallel on {@code verifiers}, then the batch is admitted on {@code chainThread}, the only
 * thread that touches the pool.
 */
public final class PoolAdmission {
  private final TransactionPool pool;
  private final Executor verifiers;
  private final Executor chainThread;

  public PoolAdmission(TransactionPool pool, Executor verifiers, Executor chainThread) {
    this.pool = pool;
    this.verifiers = verifiers;
    this.chainThread = chainThread;
  }

  /**
   * Completes with the batch's result once the chain thread admitted it.
   *
   * @throws BatchTooLargeException when the batch exceeds {@code maxTransactionsPerRequest}
   */
  public CompletableFuture<AdmissionResult> submit(List<Submitted> batch)
      throws BatchTooLargeException {
    return pool.prepareAsync(batch, verifiers).thenApplyAsync(pool::admit, chainThread);
  }
}
