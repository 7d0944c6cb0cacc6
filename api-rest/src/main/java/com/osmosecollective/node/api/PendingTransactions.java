package com.osmosecollective.node.api;

import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolAdmission;
import com.osmosecollective.node.consensus.pool.PoolView;
import com.osmosecollective.node.consensus.pool.Submitted;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The transaction pool as the API uses it: submissions, and a consistent copy to read. */
public interface PendingTransactions {
  /**
   * Admits a batch (stateless checks on verifier threads, then the pool on the chain thread).
   *
   * @throws BatchTooLargeException above the pool's {@code maxTransactionsPerRequest}
   */
  CompletableFuture<AdmissionResult> submit(List<Submitted> batch) throws BatchTooLargeException;

  /** The pending transactions as last published; never waits for the chain thread. */
  PoolView view();

  /** The node's pool: admission through {@code verifiers}, reads from its published copy. */
  static PendingTransactions of(ChainPool pool, Executor verifiers) {
    PoolAdmission admission = pool.admission(verifiers);
    return new PendingTransactions() {
      @Override
      public CompletableFuture<AdmissionResult> submit(List<Submitted> batch)
          throws BatchTooLargeException {
        return admission.submit(batch);
      }

      @Override
      public PoolView view() {
        return pool.view();
      }
    };
  }
}
