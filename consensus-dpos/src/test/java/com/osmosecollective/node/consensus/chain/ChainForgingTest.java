package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainForgingTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void forgesSeveralRoundsInScheduleOrderWithRewardsFromMilestones() throws Exception {
    long tipAfter;
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      assertThat(t.chain.snapshot().height()).isEqualTo(1);
      t.forgeUntil(3 * 51 + 10, FIRST_SLOT, 1);

      // No votes: every delegate weighs 0, so each round ranks them by public key (spec §2.2).
      List<String> ranked =
          t.plan.delegates().stream().map(GenesisAccount::publicKey).sorted().toList();
      RoundCalculator rounds = new RoundCalculator(t.network.milestones());
      long rewards = 0;
      for (long height = 2; height <= t.chain.snapshot().height(); height++) {
        Block block = t.block(height);
        long round = rounds.roundOf(height).round();
        long slot = block.timestamp() / TestChain.BLOCKTIME;
        List<String> order = DelegateShuffle.forgingOrder(round, ranked);
        assertThat(block.header().generatorPublicKeyHex())
            .as("generator of height %d", height)
            .isEqualTo(order.get((int) (slot % 51)));
        long expectedReward = height < TestChain.REWARD_CHANGE ? 2000 * COIN : 1000 * COIN;
        assertThat(block.header().reward()).as("reward at %d", height).isEqualTo(expectedReward);
        rewards += expectedReward;
      }
      for (long round = 1; round <= 4; round++) {
        assertThat(t.store.queries().round(round).orElseThrow())
            .extracting(RoundDelegate::publicKey)
            .containsExactlyElementsOf(ranked);
      }
      long forged =
          t.wallets().values().stream()
              .filter(Wallet::isDelegate)
              .mapToLong(w -> w.delegate().forgedRewards())
              .sum();
      assertThat(forged).isEqualTo(rewards);
      tipAfter = t.chain.snapshot().height();
    }
    var report = DatabaseChecker.check(StoreOptions.inDataDir(dir));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(tipAfter);
  }

  @Test
  void theForgerSignsOneBlockPerSlotOnlyInItsWindow() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      t.atSlot(FIRST_SLOT);
      assertThat(t.forger.forgeIfDue()).isPresent();
      assertThat(t.forger.forgeIfDue()).as("same slot again").isEmpty();
      // the second half of the slot is outside the forging window
      t.clock.set(t.now().plusSeconds(TestChain.BLOCKTIME + TestChain.BLOCKTIME / 2));
      assertThat(t.forger.forgeIfDue()).isEmpty();
      assertThat(t.chain.snapshot().height()).isEqualTo(2);
    }
  }

  @Test
  void aDoubleForgedSlotIsDetectedAndRollsBack() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      t.forgeUntil(10, FIRST_SLOT, 1);
      Map<String, Wallet> atFive = null;
      Block tip = t.chain.snapshot().lastBlock();
      // state after height 5, from a second chain forged the same way
      try (TestChain reference =
          TestChain.open(TestChain.networkJson(), dir.resolve("ref"), RollbackPolicy.fixed(5))) {
        reference.forgeUntil(5, FIRST_SLOT, 1);
        atFive = reference.wallets();
      }
      PrivateKey generator =
          t.plan.delegates().stream()
              .map(GenesisAccount::key)
              .filter(k -> tip.header().generatorPublicKeyHex().equals(hex(k)))
              .findFirst()
              .orElseThrow();
      // Same height and slot, another timestamp inside the slot: a second, different block.
      Block twin =
          new BlockFactory(new BlockCodec(t.network))
              .make(
                  tip.height(),
                  tip.timestamp() + 1,
                  tip.previousBlock(),
                  tip.header().reward(),
                  List.of(),
                  generator);
      assertThat(twin.id()).isNotEqualTo(tip.id());
      t.clock.set(t.network.epoch().plusSeconds(tip.timestamp() + 1));

      BlockOutcome outcome = t.chain.submit(twin).join();

      assertThat(outcome.status()).isEqualTo(BlockStatus.ROLLBACK);
      assertThat(t.chain.snapshot().height()).isEqualTo(5);
      assertThat(t.wallets()).isEqualTo(atFive);
    }
  }

  @Test
  void emptySlotsCountAsMissedBlocksOfTheirDelegatesUntilReverted() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      long next = t.forgeUntil(5, FIRST_SLOT, 1);
      Map<String, Wallet> before = t.wallets();
      t.forgeUntil(6, next + 2, 1); // slots next and next + 1 stay empty

      List<String> ranked =
          t.plan.delegates().stream().map(GenesisAccount::publicKey).sorted().toList();
      List<String> order = DelegateShuffle.forgingOrder(1, ranked);
      for (long slot : new long[] {next, next + 1}) {
        String owner = order.get((int) (slot % 51));
        Wallet wallet = t.store.queries().walletByPublicKey(owner).orElseThrow();
        assertThat(wallet.delegate().missedBlocks()).as("owner of slot %d", slot).isEqualTo(1);
      }
      long missedTotal =
          t.wallets().values().stream()
              .filter(Wallet::isDelegate)
              .mapToLong(w -> w.delegate().missedBlocks())
              .sum();
      assertThat(missedTotal).isEqualTo(2);

      assertThat(t.chain.revert(1).join()).isEqualTo(1);
      assertThat(t.wallets()).isEqualTo(before);
    }
  }

  @Test
  void roundEndsNameTheRoundDelegatesThatForgedNothing() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Map<Long, AppliedBlockInfo> infos = new java.util.HashMap<>();
      t.chain.addListener(
          new ChainListener() {
            @Override
            public void blockApplied(Block block, AppliedBlockInfo info) {
              infos.put(block.height(), info);
            }
          });
      // blocks 2..51 in 50 consecutive slots: one slot index of round 1 is never reached
      long next = t.forgeUntil(51, FIRST_SLOT, 1);
      // round 2: 51 consecutive slots, every delegate forges
      t.forgeUntil(102, next, 1);

      List<String> ranked =
          t.plan.delegates().stream().map(GenesisAccount::publicKey).sorted().toList();
      String idle = DelegateShuffle.forgingOrder(1, ranked).get((int) ((FIRST_SLOT + 50) % 51));
      assertThat(infos.get(51L).missedRound()).containsExactly(idle);
      assertThat(infos.get(102L).missedRound()).isEmpty();
      for (long height = 2; height <= 101; height++) {
        if (height != 51) {
          assertThat(infos.get(height).missedRound()).as("height %d", height).isEmpty();
        }
      }
    }
  }

  private static String hex(PrivateKey key) {
    return Hex.encode(key.publicKey());
  }
}
