package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.DatabaseDump;
import com.osmosecollective.node.storage.RoundDelegate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain with transactions: rounds follow votes, reverts and fork switches restore state. */
class ChainStateTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  /** Registration, vote and resignation before the end of round 1, as transactions in blocks. */
  private static void moveDelegates(TestChain t) {
    PrivateKey rich = t.plan.funded().get(0).key();
    PrivateKey resigning = resigning(t);
    t.pending.add(
        t.sign(TestChain.NEWCOMER, 4000 * COIN, 0, new Asset.DelegateRegistration("newcomer")));
    // the newcomer needs funds for its registration fee
    t.pending.add(
        0,
        t.sign(rich, COIN, 10_000 * COIN, new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER))));
    // a transfer and the registration in one block: the nonce of the newcomer is 1
    t.forgeUntil(t.chain.snapshot().height() + 1, slotAfterTip(t), 1);
    t.pending.add(
        t.sign(
            rich,
            10 * COIN,
            0,
            new Asset.Vote(
                List.of(new Asset.VoteEntry(true, Bytes.of(TestChain.NEWCOMER.publicKey()))))));
    t.pending.add(t.sign(resigning, 100 * COIN, 0, new Asset.DelegateResignation()));
    t.forgeUntil(t.chain.snapshot().height() + 1, slotAfterTip(t), 1);
  }

  /** The delegate that forged block 2: its reward pays the resignation fee. */
  private static PrivateKey resigning(TestChain t) {
    try {
      String generator = t.block(2).header().generatorPublicKeyHex();
      return t.plan.delegates().stream()
          .filter(d -> d.publicKey().equals(generator))
          .findFirst()
          .orElseThrow()
          .key();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long slotAfterTip(TestChain t) {
    return t.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
  }

  @Test
  void votesRegistrationAndResignationChangeTheNextRound() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      t.forgeUntil(10, FIRST_SLOT, 1);
      moveDelegates(t);
      assertThat(t.applied.get(t.applied.size() - 1).transactions()).hasSize(2);
      t.forgeUntil(51 + 51, slotAfterTip(t), 1);

      String newcomer = Hex.encode(TestChain.NEWCOMER.publicKey());
      String resigned = Hex.encode(resigning(t).publicKey());
      List<String> round2 =
          t.store.queries().round(2).orElseThrow().stream().map(RoundDelegate::publicKey).toList();
      assertThat(round2).hasSize(51).doesNotContain(resigned);
      assertThat(round2.get(0)).isEqualTo(newcomer);
      Wallet newcomerWallet = t.store.queries().walletByPublicKey(newcomer).orElseThrow();
      Wallet rich = t.store.queries().wallet(t.plan.funded().get(0).address(30)).orElseThrow();
      assertThat(newcomerWallet.delegate().voteBalance()).isEqualTo(rich.votingWeight());
      assertThat(newcomerWallet.delegate().producedBlocks()).isPositive();

      // every block of round 2 came from its scheduled delegate
      List<String> order = DelegateShuffle.forgingOrder(2, round2);
      for (long height = 52; height <= 102; height++) {
        Block block = t.block(height);
        long slot = block.timestamp() / TestChain.BLOCKTIME;
        assertThat(block.header().generatorPublicKeyHex()).isEqualTo(order.get((int) (slot % 51)));
      }
    }
  }

  @Test
  void revertingEveryBlockRestoresTheGenesisStateExactly() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Map<String, Wallet> genesisState = t.wallets();
      Map<String, Map<String, String>> genesisDatabase = DatabaseDump.of(t.store);
      List<RoundDelegate> round1 = t.store.queries().round(1).orElseThrow();
      t.forgeUntil(10, FIRST_SLOT, 1);
      moveDelegates(t);
      long nextSlot = t.forgeUntil(70, slotAfterTip(t), 2);
      assertThat(t.store.queries().round(2)).isPresent();
      assertThat(t.wallets()).isNotEqualTo(genesisState);

      int reverted = t.chain.revert(1000).join();

      assertThat(reverted).isEqualTo(69);
      assertThat(t.chain.snapshot().height()).isEqualTo(1);
      assertThat(t.wallets()).isEqualTo(genesisState);
      // every column, ranks and rounds of the delegates included, byte for byte
      assertThat(DatabaseDump.of(t.store)).isEqualTo(genesisDatabase);
      assertThat(t.store.queries().round(1)).contains(round1);
      assertThat(t.store.queries().round(2)).isEmpty();
      assertThat(t.store.queries().block(2)).isEmpty();
      // the forger does not sign again for slots it already used, and goes on after them
      t.atSlot(slotAfterTip(t));
      assertThat(t.forger.forgeIfDue()).isEmpty();
      t.forgeUntil(3, nextSlot, 1);
      assertThat(t.block(2).timestamp()).isEqualTo(nextSlot * TestChain.BLOCKTIME);
    }
  }

  @Test
  void forkRecoveryAcrossARoundBoundaryEqualsApplyingTheWinningBranch() throws Exception {
    try (TestChain a =
            TestChain.open(TestChain.networkJson(), dir.resolve("a"), RollbackPolicy.fixed(5));
        TestChain b =
            TestChain.open(TestChain.networkJson(), dir.resolve("b"), RollbackPolicy.fixed(5))) {
      a.forgeUntil(10, FIRST_SLOT, 1);
      moveDelegates(a);
      a.forgeUntil(46, slotAfterTip(a), 1);
      for (long height = 2; height <= 46; height++) {
        Block block = a.block(height);
        b.clock.set(a.network.epoch().plusSeconds(block.timestamp()));
        assertThat(b.chain.submit(block).join().status()).isEqualTo(BlockStatus.ACCEPTED);
      }
      long fork = slotAfterTip(a);
      a.forgeUntil(56, fork, 1); // our branch: 47..56
      // the other branch skips slots, so other delegates forge other blocks, past the round end
      b.pending.add(
          b.sign(
              b.plan.funded().get(1).key(),
              COIN,
              5 * COIN,
              new Asset.Transfer(0, b.addressOf(b.plan.funded().get(2).key()))));
      b.forgeUntil(60, fork + 1, 2);
      List<Block> branch = new ArrayList<>();
      for (long height = 47; height <= 60; height++) {
        branch.add(b.block(height));
      }
      assertThat(branch.get(0).id()).isNotEqualTo(a.block(47).id());
      a.clock.set(b.now());

      // a branch with a gap fails half way: the chain goes back to its own blocks
      Map<String, Wallet> ours = a.wallets();
      String ourTip = a.chain.snapshot().lastBlock().id();
      List<Block> broken = new ArrayList<>(branch);
      broken.remove(3);
      BlockOutcome failed = a.chain.switchToBranch(broken).join();
      assertThat(failed.status()).isEqualTo(BlockStatus.REJECTED);
      assertThat(a.chain.snapshot().lastBlock().id()).isEqualTo(ourTip);
      assertThat(a.wallets()).isEqualTo(ours);

      BlockOutcome outcome = a.chain.switchToBranch(branch).join();

      assertThat(outcome.isAccepted()).as(outcome.reason()).isTrue();
      assertThat(a.chain.snapshot().lastBlock().id())
          .isEqualTo(b.chain.snapshot().lastBlock().id());
      assertThat(a.wallets()).isEqualTo(b.wallets());
      assertThat(a.store.queries().round(2)).isEqualTo(b.store.queries().round(2));
      assertThat(a.chain.snapshot().nextForgingOrder())
          .isEqualTo(b.chain.snapshot().nextForgingOrder());
    }
  }
}
