package com.osmosecollective.node.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants over random chains of valid blocks with every kind of transaction. */
class StatePropertiesTest {

  @Property(tries = 25)
  void supplyNoNegativeBalancesSequentialNoncesExactVoteBalances(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int blocks) throws Exception {
    RandomChain chain = new RandomChain(seed);
    String bank = RandomChain.genesis().addressOf(StateKit.pk(RandomChain.BANK));
    long genesisAmount = RandomChain.genesisAmount();
    for (int i = 0; i < blocks; i++) {
      chain.nextBlock(6);
      var wallets = chain.state().all().values();

      // everything the genesis sender owes is held by someone, plus the rewards
      assertThat(SupplyCheck.totalSupply(wallets)).isEqualTo(chain.rewards());
      long held =
          wallets.stream()
              .filter(w -> !w.address().equals(bank))
              .mapToLong(Wallet::votingWeight)
              .sum();
      assertThat(held).isEqualTo(genesisAmount + chain.rewards());
      assertThat(SupplyCheck.negativeBalances(wallets)).containsExactly(bank);
      assertThat(SupplyCheck.voteBalanceMismatches(wallets)).isEmpty();
      for (Wallet w : wallets) {
        long genesisSent = RandomChain.genesis().byAddress(w.address()).nonce();
        assertThat(w.nonce()).as(w.address()).isEqualTo(genesisSent + chain.sent(w.address()));
      }
    }
  }

  @Example
  void randomChainsExerciseEveryTypeButMultiSignatureRegistration() throws Exception {
    RandomChain chain = new RandomChain(7);
    for (int i = 0; i < 80; i++) {
      chain.nextBlock(6);
    }
    assertThat(chain.typeCounts().keySet())
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(TransactionType.values())
                .filter(t -> t != TransactionType.MULTI_SIGNATURE)
                .toArray(TransactionType[]::new));
  }

  @Property(tries = 10)
  void anOverlayShowsTheSameStateAndDiscardingLeavesTheBaseUntouched(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int blocks) throws Exception {
    RandomChain chain = new RandomChain(seed);
    for (int i = 0; i < blocks; i++) {
      chain.nextBlock(6);
    }
    InMemoryWallets base = RandomChain.genesis().copy();
    Map<String, Wallet> before = new HashMap<>(base.all());
    WalletOverlay overlay = new WalletOverlay(base);
    BlockApplier applier = new BlockApplier(RandomChain.HANDLERS);
    for (RandomChain.Step step : chain.steps()) {
      applier.apply(step.block(), overlay, step.ctx());
    }

    for (Wallet direct : chain.state().all().values()) {
      assertThat(overlay.byAddress(direct.address())).isEqualTo(direct);
    }
    assertThat(overlay.changes().keySet()).isSubsetOf(chain.state().all().keySet());
    List<String> ranked =
        DelegateRanking.rank(overlay).stream().map(DelegateRanking.Ranked::publicKey).toList();
    assertThat(ranked)
        .isEqualTo(
            DelegateRanking.rank(chain.state()).stream()
                .map(DelegateRanking.Ranked::publicKey)
                .toList());
    assertThat(base.all()).isEqualTo(before);

    overlay.discard();
    assertThat(base.all()).isEqualTo(before);
    for (Wallet w : before.values()) {
      assertThat(overlay.byAddress(w.address())).isEqualTo(w);
    }
  }
}
