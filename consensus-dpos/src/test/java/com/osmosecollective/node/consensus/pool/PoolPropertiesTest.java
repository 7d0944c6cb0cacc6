package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random admissions, forged blocks (from the pool or from elsewhere) and rollbacks: the pool stays
 * within its limits, every sender's pending nonces continue the chain's without gaps, and the whole
 * pool applies on a fresh view of the chain in pool order.
 */
class PoolPropertiesTest {
  private static final List<PrivateKey> SENDERS = List.of(key("p0"), key("p1"), key("p2"));

  record Op(int kind, int sender, int nonceShift, int feeMultiple, int amount) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, SENDERS.size() - 1),
                Arbitraries.integers().between(-1, 1),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 30))
            .as(Op::new);
    return op.list().ofMinSize(5).ofMaxSize(25);
  }

  @Property(tries = 40)
  void poolStaysConsistentWithTheChain(@ForAll("ops") List<Op> ops) throws Exception {
    PoolFixture f =
        new PoolFixture(
            PoolConfig.defaults()
                .withMaxTransactionsInPool(6)
                .withMaxTransactionsPerSender(3)
                .withDynamicFees(DynamicFees.arkDefaults()));
    for (PrivateKey s : SENDERS) {
      f.wallets.fund(pk(s), 100 * TRANSFER_FEE);
    }
    Map<Bytes, Long> nextNonce = new HashMap<>();
    Deque<Block> chain = new ArrayDeque<>();
    for (Op op : ops) {
      PrivateKey sender = SENDERS.get(op.sender());
      Bytes key = pk(sender);
      long expected =
          Math.max(f.wallets.nonce(key), nextNonce.getOrDefault(key, 0L)) + 1 + op.nonceShift();
      if (op.kind() <= 5) {
        Transaction tx =
            f.transfer(
                sender,
                Math.max(1, expected),
                op.feeMultiple() * TRANSFER_FEE,
                op.amount() * TRANSFER_FEE);
        if (!f.add(tx).accept().isEmpty()) {
          nextNonce.put(key, tx.nonce());
        }
      } else if (op.kind() <= 7) {
        List<Transaction> txs = f.pool.collectForBlock(op.amount() % 4 + 1, 6_300_000);
        Block b = PoolFixture.block(f.pool.lastHeight() + 1, txs);
        f.wallets.commit(txs);
        f.pool.onBlockApplied(b);
        chain.push(b);
      } else if (op.kind() == 8) {
        long chainNonce = f.wallets.nonce(key);
        Transaction outside = f.transfer(sender, chainNonce + 1, TRANSFER_FEE, 1);
        if (f.wallets.balance(key) >= 2 * TRANSFER_FEE) {
          Block b = PoolFixture.block(f.pool.lastHeight() + 1, List.of(outside));
          f.wallets.commit(b.transactions());
          f.pool.onBlockApplied(b);
          chain.push(b);
        }
      } else if (!chain.isEmpty()) {
        Block b = chain.pop();
        f.wallets.uncommit(b.transactions());
        f.pool.onBlockReverted(b);
      }
      nextNonce.clear();
      for (Transaction tx : f.pool.inForgingOrder()) {
        nextNonce.merge(tx.senderPublicKey(), tx.nonce(), Math::max);
      }
      checkInvariants(f);
    }
  }

  private static void checkInvariants(PoolFixture f) throws PoolRejectedException {
    assertThat(f.pool.size()).isLessThanOrEqualTo(6);
    Map<Bytes, Long> last = new HashMap<>();
    long bytes = 0;
    for (Transaction tx : f.pool.inForgingOrder()) {
      Bytes sender = tx.senderPublicKey();
      long previous = last.getOrDefault(sender, f.wallets.nonce(sender));
      assertThat(tx.nonce()).as("nonce sequence of %s", sender).isEqualTo(previous + 1);
      last.put(sender, tx.nonce());
      bytes += tx.serializedLength();
    }
    assertThat(f.pool.totalBytes()).isEqualTo(bytes);
    for (Bytes sender : last.keySet()) {
      assertThat(f.pool.senderCount(sender)).isLessThanOrEqualTo(3);
    }
    WalletStage.View fresh = f.wallets.newView();
    List<Transaction> inPoolOrder = new ArrayList<>();
    f.pool.entries().forEach(e -> inPoolOrder.add(e.tx()));
    for (Transaction tx : inPoolOrder) {
      fresh.apply(tx); // throws if the pool holds something the chain would refuse
    }
  }
}
