package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parallel verification, then admission on a single chain thread. */
class PoolAdmissionTest {
  @Test
  void batchesFromSeveralThreadsAreAdmittedOnTheChainThread() throws Exception {
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    List<PrivateKey> senders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      PrivateKey k = key("parallel " + i);
      senders.add(k);
      f.wallets.fund(pk(k), 1_000 * TRANSFER_FEE);
    }
    ExecutorService chain = Executors.newSingleThreadExecutor(r -> new Thread(r, "chain"));
    ExecutorService verifiers = Executors.newFixedThreadPool(2);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      PoolAdmission admission = new PoolAdmission(f.pool, verifiers, chain);
      List<java.util.concurrent.Future<AdmissionResult>> results = new ArrayList<>();
      for (PrivateKey sender : senders) {
        List<Submitted> batch = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
          batch.add(Submitted.decoded(f.transfer(sender, n)));
        }
        Transaction bad = f.transfer(sender, 11).toBuilder().amount(5).build();
        batch.add(Submitted.decoded(bad));
        results.add(clients.submit(() -> admission.submit(batch).get()));
      }
      for (var r : results) {
        AdmissionResult result = r.get(30, TimeUnit.SECONDS);
        assertThat(result.accept()).hasSize(10);
        assertThat(result.invalid()).hasSize(1);
        assertThat(result.errors().values().iterator().next().code())
            .isEqualTo(RejectionCode.ERR_BAD_DATA);
      }
      int size = chain.submit(() -> f.pool.size()).get();
      assertThat(size).isEqualTo(40);
    } finally {
      clients.shutdownNow();
      verifiers.shutdownNow();
      chain.shutdownNow();
    }
  }
}
