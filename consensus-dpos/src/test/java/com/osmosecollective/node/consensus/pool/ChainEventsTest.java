package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-validation after applied and reverted blocks, and expiry. */
class ChainEventsTest {
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private PoolFixture f;

  @BeforeEach
  void setUp() {
    f = new PoolFixture(PoolConfig.defaults().withMaxTransactionAge(3));
    f.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    f.wallets.fund(pk(bob), 100 * TRANSFER_FEE);
  }

  @Test
  void includedTransactionsLeaveAndTheRestStays() throws Exception {
    Transaction a1 = f.transfer(alice, 1);
    Transaction a2 = f.transfer(alice, 2);
    Transaction a3 = f.transfer(alice, 3);
    f.add(a1, a2, a3);
    List<Transaction> dropped = f.pool.onBlockApplied(commit(a1));
    assertThat(dropped).isEmpty();
    assertThat(f.pool.inForgingOrder()).containsExactly(a2, a3);
    assertThat(f.pool.lastHeight()).isEqualTo(11);
  }

  @Test
  void aUsedNonceDropsTheSenderFromThereOn() throws Exception {
    Transaction a1 = f.transfer(alice, 1);
    Transaction a2 = f.transfer(alice, 2);
    Transaction b1 = f.transfer(bob, 1);
    f.add(a1, a2, b1);
    Transaction other = f.transfer(alice, 1, TRANSFER_FEE, 5); // same nonce, different tx
    List<Transaction> dropped = f.pool.onBlockApplied(commit(other));
    assertThat(dropped).containsExactly(a1, a2);
    assertThat(f.pool.inForgingOrder()).containsExactly(b1);
    // the sender continues from the chain's nonce
    Transaction a2new = f.transfer(alice, 2, TRANSFER_FEE, 9);
    assertThat(f.add(a2new).accept()).containsExactly(a2new.id());
  }

  @Test
  void aDrainedBalanceDropsWhatNoLongerFits() throws Exception {
    Transaction a1 = f.transfer(alice, 1, TRANSFER_FEE, 40 * TRANSFER_FEE);
    Transaction a2 = f.transfer(alice, 2, TRANSFER_FEE, 40 * TRANSFER_FEE);
    f.add(a1, a2);
    assertThat(f.pool.size()).isEqualTo(2);
    // alice spends most of her balance in a block built elsewhere
    Transaction big = f.transfer(alice, 1, TRANSFER_FEE, 90 * TRANSFER_FEE);
    assertThat(f.pool.onBlockApplied(commit(big))).containsExactly(a1, a2);
    assertThat(f.pool.size()).isZero();
  }

  @Test
  void revertedTransactionsComeBackFirst() throws Exception {
    Transaction a1 = f.transfer(alice, 1);
    Transaction a2 = f.transfer(alice, 2);
    Transaction a3 = f.transfer(alice, 3);
    f.add(a1, a2, a3);
    Block b1 = block(a1, a2);
    f.wallets.commit(b1.transactions());
    f.pool.onBlockApplied(b1);
    assertThat(f.pool.inForgingOrder()).containsExactly(a3);

    f.wallets.uncommit(b1.transactions());
    List<Transaction> dropped = f.pool.onBlockReverted(b1);
    assertThat(dropped).isEmpty();
    assertThat(f.pool.lastHeight()).isEqualTo(10);
    assertThat(f.pool.inForgingOrder()).containsExactly(a1, a2, a3);
    assertThat(f.pool.collectForBlock(150, 6_300_000)).containsExactly(a1, a2, a3);
  }

  @Test
  void severalRevertedBlocksKeepNonceOrder() throws Exception {
    Transaction a1 = f.transfer(alice, 1);
    Transaction a2 = f.transfer(alice, 2);
    Block first = commitAndTell(a1);
    Block second = commitAndTell(a2);
    assertThat(f.pool.size()).isZero();
    f.wallets.uncommit(second.transactions());
    f.pool.onBlockReverted(second);
    f.wallets.uncommit(first.transactions());
    f.pool.onBlockReverted(first);
    assertThat(f.pool.inForgingOrder()).containsExactly(a1, a2);
  }

  @Test
  void revertedTransactionsPushTheSendersLatestOverTheLimitOut() throws Exception {
    PoolFixture g = new PoolFixture(PoolConfig.defaults().withMaxTransactionsPerSender(2));
    g.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    Transaction a1 = g.transfer(alice, 1);
    Block b = g.applyBlock(a1);
    Transaction a2 = g.transfer(alice, 2);
    Transaction a3 = g.transfer(alice, 3);
    g.add(a2, a3);
    g.revertBlock(b);
    assertThat(g.pool.inForgingOrder()).containsExactly(a1, a2);
  }

  @Test
  void oldTransactionsExpireAfterMaxTransactionAgeBlocks() throws Exception {
    Transaction a1 = f.transfer(alice, 1); // enters at height 10
    f.add(a1);
    f.applyBlock(); // 11
    f.applyBlock(); // 12
    assertThat(f.pool.contains(a1.id())).isTrue();
    assertThat(f.pool.onBlockApplied(PoolFixture.block(13, List.of()))).containsExactly(a1);
    assertThat(f.pool.size()).isZero();
  }

  @Test
  void expirationHeightDropsTheTransactionAndItsSuccessors() throws Exception {
    PoolFixture g = new PoolFixture(PoolConfig.defaults());
    g.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    Transaction a1 = g.expiringTransfer(alice, 1, 14);
    Transaction a2 = g.transfer(alice, 2);
    g.add(a1, a2);
    g.applyBlock(); // 11
    g.applyBlock(); // 12
    assertThat(g.pool.size()).isEqualTo(2);
    // after block 13 the next block is 14: expiration 14 <= 14 means expired
    assertThat(g.pool.onBlockApplied(PoolFixture.block(13, List.of()))).containsExactly(a1, a2);
  }

  @Test
  void aMilestoneChangingTheStaticFeeDropsTransactionsWithTheOldFee() throws Exception {
    PoolFixture g =
        new PoolFixture(
            PoolFixture.synthetic(
                "[{\"height\":1,\"reward\":0,\"activeDelegates\":51,\"blocktime\":8,"
                    + "\"epoch\":\"2017-03-21T13:00:00.000Z\",\"aip11\":true,"
                    + "\"fees\":{\"staticFees\":{\"transfer\":10000000}}},"
                    + "{\"height\":12,\"fees\":{\"staticFees\":{\"transfer\":20000000}}}]"),
            PoolConfig.defaults(),
            10);
    g.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    Transaction oldFee = g.transfer(alice, 1, 10_000_000, 1);
    assertThat(g.add(oldFee).accept()).hasSize(1);
    // block 11 is applied: the next block is 12, where transfers cost 0.2
    assertThat(g.pool.onBlockApplied(PoolFixture.block(11, List.of()))).containsExactly(oldFee);
    Transaction newFee = g.transfer(alice, 1, 20_000_000, 1);
    assertThat(g.add(newFee).accept()).hasSize(1);
  }

  private Block block(Transaction... txs) {
    return PoolFixture.block(f.pool.lastHeight() + 1, List.of(txs));
  }

  private Block commit(Transaction... txs) throws PoolRejectedException {
    Block b = block(txs);
    f.wallets.commit(b.transactions());
    return b;
  }

  private Block commitAndTell(Transaction... txs) throws PoolRejectedException {
    Block b = commit(txs);
    f.pool.onBlockApplied(b);
    return b;
  }
}
