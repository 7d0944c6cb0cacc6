package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's decisions (spec §3.4) on blocks made by hand against a devnet chain. */
class BlockDecisionsTest {
  @TempDir Path dir;
  private TestChain t;
  private BlockFactory factory;
  private long nextSlot;

  @BeforeEach
  void chainAtHeightFive() throws Exception {
    t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5));
    factory = new BlockFactory(new BlockCodec(t.network));
    nextSlot = t.forgeUntil(5, 1000, 1);
    t.atSlot(nextSlot);
  }

  @AfterEach
  void close() {
    t.close();
  }

  private PrivateKey keyOf(String publicKey) {
    return t.plan.delegates().stream()
        .filter(d -> d.publicKey().equals(publicKey))
        .map(GenesisAccount::key)
        .findFirst()
        .orElseThrow();
  }

  private PrivateKey scheduled(long slot) {
    List<String> order = t.chain.snapshot().nextForgingOrder();
    return keyOf(order.get((int) (slot % order.size())));
  }

  private Block next(long slot, PrivateKey generator, List<Transaction> txs) throws Exception {
    Block tip = t.chain.snapshot().lastBlock();
    return factory.make(
        tip.height() + 1, slot * TestChain.BLOCKTIME, tip.id(), 2000 * COIN, txs, generator);
  }

  private BlockStatus submit(Block block) {
    return t.chain.submit(block).join().status();
  }

  @Test
  void theScheduledDelegatesChainedBlockIsAccepted() throws Exception {
    assertThat(submit(next(nextSlot, scheduled(nextSlot), List.of())))
        .isEqualTo(BlockStatus.ACCEPTED);
    assertThat(t.chain.snapshot().height()).isEqualTo(6);
  }

  @Test
  void anotherDelegateInTheSlotIsRejected() throws Exception {
    PrivateKey wrong = scheduled(nextSlot + 1);
    assertThat(submit(next(nextSlot, wrong, List.of()))).isEqualTo(BlockStatus.REJECTED);
    assertThat(t.chain.snapshot().height()).isEqualTo(5);
  }

  @Test
  void aBlockFromAFutureSlotIsRejected() throws Exception {
    assertThat(submit(next(nextSlot + 1, scheduled(nextSlot + 1), List.of())))
        .isEqualTo(BlockStatus.REJECTED);
  }

  @Test
  void aBlockAheadOfTheTipOrAlreadyKnownIsNotApplied() throws Exception {
    Block tip = t.chain.snapshot().lastBlock();
    assertThat(submit(tip)).isEqualTo(BlockStatus.DISCARDED);
    Block older = t.block(3);
    assertThat(submit(older)).isEqualTo(BlockStatus.DISCARDED_BUT_CAN_BE_BROADCASTED);
    Block ahead =
        factory.make(
            tip.height() + 2,
            nextSlot * TestChain.BLOCKTIME,
            tip.id(),
            2000 * COIN,
            List.of(),
            scheduled(nextSlot));
    assertThat(submit(ahead)).isEqualTo(BlockStatus.REJECTED);
    assertThat(t.chain.snapshot().lastBlock().id()).isEqualTo(tip.id());
  }

  @Test
  void aNonceGapOrAnAlreadyForgedTransactionStopsTheBlock() throws Exception {
    PrivateKey rich = t.plan.funded().get(0).key();
    Transaction first =
        t.sign(rich, COIN, 5 * COIN, new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER)));
    Transaction gap =
        com.osmosecollective.node.core.tx.TransactionSigner.sign(
            first.toBuilder().nonce(first.nonce() + 1).build(), rich);
    BlockOutcome gapped = t.chain.submit(next(nextSlot, scheduled(nextSlot), List.of(gap))).join();
    assertThat(gapped.status()).isEqualTo(BlockStatus.REJECTED);
    assertThat(gapped.reason()).contains("nonce " + gap.nonce() + ", expected " + first.nonce());

    assertThat(submit(next(nextSlot, scheduled(nextSlot), List.of(first))))
        .isEqualTo(BlockStatus.ACCEPTED);
    long slot = nextSlot + 1;
    t.atSlot(slot);
    // the same v2 transaction again: ARK's nonce check (step 4) stops it before the forged-id
    // check (step 8), which only v1 transactions without nonces can reach
    BlockOutcome again = t.chain.submit(next(slot, scheduled(slot), List.of(first))).join();
    assertThat(again.status()).isEqualTo(BlockStatus.REJECTED);
    assertThat(again.reason()).contains("nonce");
    assertThat(t.chain.snapshot().height()).isEqualTo(6);
    assertThat(Hex.encode(t.block(6).transactions().get(0).idBytes())).isEqualTo(first.id());
  }
}
