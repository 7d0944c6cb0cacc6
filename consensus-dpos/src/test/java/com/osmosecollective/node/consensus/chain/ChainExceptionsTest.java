package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network exceptions (spec §3.4 step 1, crypto spec §3.8): a block holding a transaction whose
 * signature does not verify is refused, unless the network lists the block or the transaction.
 */
class ChainExceptionsTest {
  private static final long FIRST_SLOT = 1000;
  private static final long AMOUNT = 7 * COIN;

  @TempDir Path dir;

  /** Blocks 2..4 of the source chain, then the block with the forged signature (height 5). */
  private final List<Block> before = new ArrayList<>();

  private Block badBlock;
  private Transaction badTx;
  private String recipient;
  private BlockOutcome refusedAtSource;

  @BeforeEach
  void forgeABlockWithABadSignature() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir.resolve("source"), fixed())) {
      long slot = t.forgeUntil(4, FIRST_SLOT, 1);
      for (long h = 2; h <= 4; h++) {
        before.add(t.block(h));
      }
      PrivateKey rich = t.plan.funded().get(0).key();
      Asset.Transfer transfer = new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER));
      Transaction signed = t.sign(rich, COIN, AMOUNT, transfer);
      Transaction other = t.sign(rich, COIN, AMOUNT + 1, transfer);
      // a well-formed signature, made by the sender's key, over another transaction
      badTx = signed.toBuilder().signature(other.signature()).build();
      recipient = Address.fromPublicKey(TestChain.NEWCOMER.publicKey(), t.network.pubKeyHash());
      t.pending.add(badTx);
      Forger.Forged forged = forgeAt(t, slot);
      badBlock = forged.block();
      refusedAtSource = forged.outcome();
    }
  }

  @Test
  void withoutExceptionsTheBlockIsRefused() {
    assertThat(refusedAtSource.status()).isEqualTo(BlockStatus.REJECTED);
    assertThat(refusedAtSource.reason())
        .contains("verification failed")
        .contains("Invalid transaction " + badTx.id());
  }

  @Test
  void anExceptionBlockIsAcceptedOnceAtTheNextHeight() throws Exception {
    ObjectNode root = TestChain.networkJson();
    root.putObject("exceptions").putArray("blocks").add(badBlock.id());
    try (TestChain t = TestChain.open(root, dir.resolve("blocks"), fixed())) {
      t.clock.set(t.network.epoch().plusSeconds(badBlock.timestamp()));
      // not at the next height: refused
      assertThat(t.chain.submit(badBlock).join().status()).isEqualTo(BlockStatus.REJECTED);
      feed(t);
      BlockOutcome outcome = t.chain.submit(badBlock).join();

      assertThat(outcome.isAccepted()).as(outcome.reason()).isTrue();
      assertThat(t.chain.snapshot().lastBlock().id()).isEqualTo(badBlock.id());
      assertThat(balance(t, recipient)).isEqualTo(AMOUNT);
      assertThat(t.store.queries().transaction(badTx.id())).isPresent();
      // already stored: refused again
      assertThat(t.chain.submit(badBlock).join().status()).isNotEqualTo(BlockStatus.ACCEPTED);
      assertThat(t.chain.snapshot().height()).isEqualTo(5);
    }
  }

  @Test
  void anExceptionTransactionSkipsItsSignatureCheck() throws Exception {
    ObjectNode root = TestChain.networkJson();
    root.putObject("exceptions").putArray("transactions").add(badTx.id());
    try (TestChain t = TestChain.open(root, dir.resolve("transactions"), fixed())) {
      feed(t);
      BlockOutcome outcome = t.chain.submit(badBlock).join();

      assertThat(outcome.isAccepted()).as(outcome.reason()).isTrue();
      assertThat(balance(t, recipient)).isEqualTo(AMOUNT);
    }
  }

  @Test
  void anotherListedIdDoesNotHelp() throws Exception {
    ObjectNode root = TestChain.networkJson();
    var exceptions = root.putObject("exceptions");
    exceptions.putArray("blocks").add(before.get(0).id());
    exceptions.putArray("transactions").add("0".repeat(64));
    try (TestChain t = TestChain.open(root, dir.resolve("other"), fixed())) {
      feed(t);
      assertThat(t.chain.submit(badBlock).join().status()).isEqualTo(BlockStatus.REJECTED);
      assertThat(t.chain.snapshot().height()).isEqualTo(4);
    }
  }

  /** Applies blocks 2..4 of the source chain. */
  private void feed(TestChain t) {
    t.clock.set(t.network.epoch().plusSeconds(badBlock.timestamp()));
    for (Block block : before) {
      BlockOutcome outcome = t.chain.submit(block).join();
      assertThat(outcome.isAccepted()).as(outcome.reason()).isTrue();
    }
  }

  private static Forger.Forged forgeAt(TestChain t, long fromSlot) {
    for (long slot = fromSlot; slot < fromSlot + 100; slot++) {
      t.atSlot(slot);
      var forged = t.forger.forgeIfDue();
      if (forged.isPresent()) {
        return forged.get();
      }
    }
    throw new AssertionError("nothing forged in 100 slots");
  }

  private static long balance(TestChain t, String address) {
    return t.store.queries().wallet(address).map(Wallet::balance).orElse(0L);
  }

  private static RollbackPolicy fixed() {
    return RollbackPolicy.fixed(5);
  }
}
