package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nonce order within a sender, fee priority across senders, limits and eviction. */
class OrderingAndLimitsTest {
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private final PrivateKey carol = key("carol");
  private final PrivateKey dave = key("dave");

  /** Dynamic fees so that fees may differ between transactions of one type. */
  private static PoolFixture dynamic(PoolConfig config) {
    PoolFixture f = new PoolFixture(config.withDynamicFees(DynamicFees.arkDefaults()));
    for (String name : List.of("alice", "bob", "carol", "dave")) {
      f.wallets.fund(pk(key(name)), 10_000 * TRANSFER_FEE);
    }
    return f;
  }

  @Test
  void nonceSequenceWithinASenderAndGapsAreRefused() {
    PoolFixture f = dynamic(PoolConfig.defaults());
    Transaction n1 = f.transfer(alice, 1);
    Transaction n2 = f.transfer(alice, 2);
    Transaction n4 = f.transfer(alice, 4);
    AdmissionResult r = f.add(n2, n1, n4);
    // nonce 2 before nonce 1 does not follow the wallet's nonce 0; nonce 4 leaves a gap
    assertThat(r.accept()).containsExactly(n1.id());
    assertThat(r.errors().get(n2.id()).code()).isEqualTo(RejectionCode.ERR_APPLY);
    assertThat(r.errors().get(n2.id()).message())
        .contains("Cannot apply a transaction with nonce 2");
    assertThat(r.errors().get(n4.id()).code()).isEqualTo(RejectionCode.ERR_APPLY);
    assertThat(f.add(n2).accept()).containsExactly(n2.id());
    assertThat(f.pool.inForgingOrder()).containsExactly(n1, n2);
  }

  @Test
  void forgingOrderTakesTheHighestFeeAmongSenderHeadsKeepingNonceOrder() {
    PoolFixture f = dynamic(PoolConfig.defaults());
    long base = TRANSFER_FEE;
    Transaction a1 = f.transfer(alice, 1, base, 1); // cheap head ...
    Transaction a2 = f.transfer(alice, 2, 9 * base, 1); // ... hides an expensive follower
    Transaction b1 = f.transfer(bob, 1, 5 * base, 1);
    Transaction c1 = f.transfer(carol, 1, 5 * base, 1); // same fee as bob, seen later
    Transaction d1 = f.transfer(dave, 1, 2 * base, 1);
    f.add(a1, a2, b1, c1, d1);
    assertThat(f.pool.inForgingOrder()).containsExactly(b1, c1, d1, a1, a2);
    assertThat(f.pool.collectForBlock(150, 6_300_000)).containsExactly(b1, c1, d1, a1, a2);
  }

  @Test
  void perSenderLimitGoesToExcessAndInvalid() {
    PoolFixture f = dynamic(PoolConfig.defaults().withMaxTransactionsPerSender(2));
    Transaction third = f.transfer(alice, 3);
    AdmissionResult r = f.add(f.transfer(alice, 1), f.transfer(alice, 2), third);
    assertThat(r.accept()).hasSize(2);
    assertThat(r.excess()).containsExactly(third.id());
    assertThat(r.invalid()).containsExactly(third.id());
    assertThat(r.errors().get(third.id()).code()).isEqualTo(RejectionCode.ERR_EXCEEDS_MAX_COUNT);
    assertThat(r.errors().get(third.id()).message())
        .endsWith("exceeds sender's 2 transactions count limit");
    assertThat(f.add(f.transfer(bob, 1)).accept()).hasSize(1);
  }

  @Test
  void fullPoolEvictsTheCheapestLatestTransactionOrRefusesACheaperOne() {
    PoolFixture f = dynamic(PoolConfig.defaults().withMaxTransactionsInPool(4));
    long base = TRANSFER_FEE;
    Transaction a1 = f.transfer(alice, 1, 9 * base, 1);
    Transaction a2 = f.transfer(alice, 2, 2 * base, 1); // alice's latest: the eviction candidate
    Transaction b1 = f.transfer(bob, 1, 3 * base, 1);
    Transaction c1 = f.transfer(carol, 1, 4 * base, 1);
    f.add(a1, a2, b1, c1);
    assertThat(f.pool.size()).isEqualTo(4);

    Transaction cheap = f.transfer(dave, 1, 2 * base, 1);
    AdmissionResult refused = f.add(cheap);
    assertThat(refused.errors().get(cheap.id()).code()).isEqualTo(RejectionCode.ERR_POOL_FULL);
    assertThat(refused.errors().get(cheap.id()).message()).contains("is lower than 2 DOSM");

    Transaction rich = f.transfer(dave, 1, 5 * base, 1);
    assertThat(f.add(rich).accept()).containsExactly(rich.id());
    assertThat(f.pool.size()).isEqualTo(4);
    assertThat(f.pool.contains(a2.id())).isFalse();
    assertThat(f.pool.contains(a1.id())).isTrue();
    // alice may send her nonce 2 again: the view forgot the evicted one
    Transaction a2again = f.transfer(alice, 2, 6 * base, 1);
    assertThat(f.add(a2again).accept()).containsExactly(a2again.id());
    assertThat(f.pool.contains(b1.id())).isFalse(); // the next cheapest made room
  }

  @Test
  void evictionRebuildsTheViewWhenItCannotRevert() {
    PoolFixture f = dynamic(PoolConfig.defaults().withMaxTransactionsInPool(2));
    f.wallets.revertSupported = false;
    long base = TRANSFER_FEE;
    Transaction a1 = f.transfer(alice, 1, 2 * base, 1);
    Transaction b1 = f.transfer(bob, 1, 3 * base, 1);
    f.add(a1, b1);
    Transaction c1 = f.transfer(carol, 1, 4 * base, 1);
    assertThat(f.add(c1).accept()).containsExactly(c1.id());
    Transaction a1again = f.transfer(alice, 1, 5 * base, 1);
    assertThat(f.add(a1again).accept()).containsExactly(a1again.id());
    assertThat(f.pool.inForgingOrder()).containsExactly(a1again, c1);
  }

  @Test
  void collectRespectsMaxTransactionsAndMaxPayload() {
    PoolFixture f = dynamic(PoolConfig.defaults());
    Transaction[] txs = new Transaction[6];
    for (int i = 0; i < txs.length; i++) {
      txs[i] = f.transfer(alice, i + 1);
    }
    f.add(txs);
    assertThat(f.pool.collectForBlock(3, 6_300_000)).containsExactly(txs[0], txs[1], txs[2]);

    // devnet has full sha256 ids: header 141 bytes + 72 for the signature, then 4 + length each
    long room = TransactionPool.headerSize(true) + 72 + 2L * (4 + txs[0].serializedLength());
    assertThat(f.pool.collectForBlock(150, room)).containsExactly(txs[0], txs[1]);
    assertThat(f.pool.collectForBlock(150, room - 1)).containsExactly(txs[0]);
    assertThat(f.pool.size()).isEqualTo(6); // collecting takes nothing out
  }

  @Test
  void collectRevalidatesAgainstTheCommittedStateAndDropsFailures() throws Exception {
    PoolFixture f = dynamic(PoolConfig.defaults());
    Transaction a1 = f.transfer(alice, 1);
    Transaction a2 = f.transfer(alice, 2);
    Transaction b1 = f.transfer(bob, 1);
    f.add(a1, a2, b1);
    // alice's nonce 1 got used by another transaction the pool has not heard of yet
    Transaction elsewhere = f.transfer(alice, 1, TRANSFER_FEE, 7);
    f.wallets.commit(List.of(elsewhere));
    assertThat(f.pool.collectForBlock(150, 6_300_000)).containsExactly(b1);
    assertThat(f.pool.contains(a1.id())).isFalse();
    assertThat(f.pool.contains(a2.id())).isFalse();
    assertThat(f.pool.size()).isEqualTo(1);
  }
}
