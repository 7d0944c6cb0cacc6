package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool joined to the chain: admitted transactions are forged, reverted ones come back. */
class ChainPoolTest {
  @TempDir Path dir;

  @Test
  void admittedTransactionsAreForgedAndComeBackAfterARevert() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      long slot = t.forgeUntil(3, 1000, 1);
      NetworkTime time = new NetworkTime(t.network.epoch(), t.clock);
      ChainPool pool = ChainPool.attach(t.chain, t.network, t.store, time, PoolConfig.defaults());
      Forger forger =
          new Forger(
              t.network,
              t.chain,
              time,
              new DelegateKeys(t.plan.delegates().stream().map(GenesisAccount::key).toList()),
              ForgedSlots.inMemory(),
              pool);
      var rich = t.plan.funded().get(0).key();
      Transaction first =
          t.sign(rich, COIN, 7 * COIN, new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER)));
      Transaction second =
          com.osmosecollective.node.core.tx.TransactionSigner.sign(
              first.toBuilder().nonce(first.nonce() + 1).amount(8 * COIN).build(), rich);

      AdmissionResult admitted =
          pool.add(List.of(Submitted.decoded(first), Submitted.decoded(second))).join();

      assertThat(admitted.accept()).containsExactlyInAnyOrder(first.id(), second.id());
      assertThat(pool.size()).isEqualTo(2);
      t.atSlot(slot);
      Block forged = forger.forgeIfDue().orElseThrow().block();
      assertThat(forged.transactions()).containsExactly(first, second);
      assertThat(t.chain.snapshot().lastBlock().id()).isEqualTo(forged.id());
      assertThat(pool.size()).isZero();

      assertThat(t.chain.revert(1).join()).isEqualTo(1);
      assertThat(pool.size()).isEqualTo(2);

      // saved at shutdown, re-admitted by the next pool
      Path saved = dir.resolve("pool.dat");
      pool.saveTo(saved);
      ChainPool next = ChainPool.attach(t.chain, t.network, t.store, time, PoolConfig.defaults());
      assertThat(next.restoreFrom(saved, TxContext.of(t.network, 3))).isEqualTo(2);
      assertThat(next.size()).isEqualTo(2);
    }
  }
}
