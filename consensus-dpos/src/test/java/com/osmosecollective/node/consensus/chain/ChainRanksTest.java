package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.DatabaseDump;
import com.osmosecollective.node.storage.RoundDelegate;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delegates' {@code rank} and {@code round} attributes (spec §2.2): written at each round end
 * with the block that ends the round, undone with it, kept across restarts.
 */
class ChainRanksTest {
  private static final long FIRST_SLOT = 1000;
  private static final int ACTIVE = 51;
  private static final PrivateKey SECOND_NEWCOMER = TestChain.SECOND_NEWCOMER;

  @TempDir Path dir;

  @Test
  void genesisRanksEveryDelegateAndMarksRoundOne() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Map<String, Wallet> before = Map.of();
      assertRanksAfterRoundEnd(t, 1, before);
      assertThat(delegates(t)).hasSize(ACTIVE).allMatch(w -> w.delegate().round() == 1);
    }
  }

  /**
   * Round 1: a newcomer registers and gets the richest vote, a second newcomer registers without
   * votes (53 delegates), a genesis delegate resigns. Round 2: the vote moves to the second
   * newcomer. Each round end ranks them as ARK does; reverting across it and restarting keep the
   * attributes exactly.
   */
  @Test
  void votesAndResignationMoveRanksAndRevertAndRestartKeepThem() throws Exception {
    String newcomer = Hex.encode(TestChain.NEWCOMER.publicKey());
    String second = Hex.encode(SECOND_NEWCOMER.publicKey());
    String resigned;
    Map<String, Wallet> afterRound2;
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      t.forgeUntil(5, FIRST_SLOT, 1);
      PrivateKey rich = t.plan.funded().get(0).key();
      PrivateKey resigning = generatorOf(t, 2);
      resigned = Hex.encode(resigning.publicKey());
      t.pending.add(
          t.sign(
              rich, COIN, 10_000 * COIN, new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER))));
      t.pending.add(
          t.sign(TestChain.NEWCOMER, 4000 * COIN, 0, new Asset.DelegateRegistration("newcomer")));
      forgeNext(t);
      PrivateKey other = t.plan.funded().get(1).key();
      t.pending.add(
          t.sign(other, COIN, 10_000 * COIN, new Asset.Transfer(0, t.addressOf(SECOND_NEWCOMER))));
      t.pending.add(
          t.sign(SECOND_NEWCOMER, 4000 * COIN, 0, new Asset.DelegateRegistration("second")));
      forgeNext(t);
      t.pending.add(t.sign(rich, COIN, 0, vote(true, TestChain.NEWCOMER)));
      t.pending.add(t.sign(resigning, 100 * COIN, 0, new Asset.DelegateResignation()));
      forgeNext(t);
      // the resignation keeps the rank until the round ends, as in ARK
      assertThat(wallet(t, resigned).delegate().resigned()).isTrue();
      assertThat(wallet(t, resigned).delegate().rank()).isPositive();

      Map<String, Wallet> round1 = delegatesByKey(t);
      t.forgeUntil(51, slotAfterTip(t), 1);

      assertRanksAfterRoundEnd(t, 2, round1);
      assertThat(wallet(t, newcomer).delegate().rank()).isEqualTo(1);
      assertThat(wallet(t, newcomer).delegate().round()).isEqualTo(2);
      assertThat(wallet(t, resigned).delegate().rank()).isZero();
      assertThat(wallet(t, resigned).delegate().round()).isEqualTo(1);
      Wallet out = rankedAt(t, 52);
      assertThat(out.delegate().round()).isLessThan(2);
      assertThat(roundKeys(t, 2)).doesNotContain(out.publicKey(), resigned).contains(newcomer);

      // round 2: the richest vote moves from the newcomer to the second newcomer
      t.forgeUntil(60, slotAfterTip(t), 1);
      t.pending.add(t.sign(rich, COIN, 0, vote(false, TestChain.NEWCOMER)));
      forgeNext(t);
      t.pending.add(t.sign(rich, COIN, 0, vote(true, SECOND_NEWCOMER)));
      forgeNext(t);
      // vote balances move at once, ranks only at the round end
      assertThat(wallet(t, second).delegate().voteBalance()).isPositive();
      assertThat(wallet(t, second).delegate().rank()).isNotEqualTo(1);
      t.forgeUntil(101, slotAfterTip(t), 1);
      Map<String, Wallet> beforeEnd = t.wallets();
      Map<String, Map<String, String>> dumpBeforeEnd = DatabaseDump.of(t.store);
      Map<String, Wallet> round2 = delegatesByKey(t);
      t.forgeUntil(102, slotAfterTip(t), 1);

      assertRanksAfterRoundEnd(t, 3, round2);
      assertThat(wallet(t, second).delegate().rank()).isEqualTo(1);
      assertThat(wallet(t, second).delegate().round()).isEqualTo(3);
      Wallet dropped = rankedAt(t, 52);
      assertThat(roundKeys(t, 3)).doesNotContain(dropped.publicKey());
      afterRound2 = t.wallets();
      long usedSlot = t.block(102).timestamp() / TestChain.BLOCKTIME;

      // reverting the round's last block restores every rank and round exactly
      assertThat(t.chain.revert(1).join()).isEqualTo(1);
      assertThat(t.wallets()).isEqualTo(beforeEnd);
      assertThat(DatabaseDump.of(t.store)).isEqualTo(dumpBeforeEnd);
      assertThat(t.store.queries().round(3)).isEmpty();
      // the forger never signs a used slot again: the next block takes a later one
      t.forgeUntil(102, usedSlot + 1, 1);
      assertRanksAfterRoundEnd(t, 3, round2);
      afterRound2 = t.wallets();
    }
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      assertThat(t.chain.snapshot().height()).isEqualTo(102);
      assertThat(t.wallets()).isEqualTo(afterRound2);
      assertThat(wallet(t, second).delegate().rank()).isEqualTo(1);
      assertThat(wallet(t, resigned).delegate().rank()).isZero();
    }
  }

  /**
   * Checks every delegate against a ranking this test computes from the vote balances at the tip
   * (the last block of round {@code round - 1}): non-resigned by vote balance descending, public
   * key ascending, rank = position; the first 51 have round {@code round}, the others keep the
   * round they had; resigned delegates have no rank and keep their round.
   */
  private static void assertRanksAfterRoundEnd(
      TestChain t, long round, Map<String, Wallet> before) {
    List<Wallet> ranked =
        delegates(t).stream()
            .filter(w -> !w.delegate().resigned())
            .sorted(
                Comparator.comparingLong((Wallet w) -> w.delegate().voteBalance())
                    .reversed()
                    .thenComparing(Wallet::publicKey))
            .toList();
    for (int i = 0; i < ranked.size(); i++) {
      Wallet w = ranked.get(i);
      assertThat(w.delegate().rank()).as("rank of %s", w.delegate().username()).isEqualTo(i + 1);
      long expectedRound = i < ACTIVE ? round : roundBefore(before, w.publicKey());
      assertThat(w.delegate().round())
          .as("round of %s", w.delegate().username())
          .isEqualTo(expectedRound);
    }
    for (Wallet w : delegates(t)) {
      if (w.delegate().resigned()) {
        assertThat(w.delegate().rank()).isZero();
        assertThat(w.delegate().round()).isEqualTo(roundBefore(before, w.publicKey()));
      }
    }
    assertThat(roundKeys(t, round))
        .containsExactlyElementsOf(
            ranked.subList(0, ACTIVE).stream().map(Wallet::publicKey).toList());
  }

  private static long roundBefore(Map<String, Wallet> before, String publicKey) {
    Wallet w = before.get(publicKey);
    return w == null ? 0 : w.delegate().round();
  }

  private static List<String> roundKeys(TestChain t, long round) {
    return t.store.queries().round(round).orElseThrow().stream()
        .map(RoundDelegate::publicKey)
        .toList();
  }

  private static List<Wallet> delegates(TestChain t) {
    return t.wallets().values().stream().filter(w -> w.delegate() != null).toList();
  }

  private static Map<String, Wallet> delegatesByKey(TestChain t) {
    Map<String, Wallet> out = new java.util.HashMap<>();
    delegates(t).forEach(w -> out.put(w.publicKey(), w));
    return out;
  }

  private static Wallet rankedAt(TestChain t, int rank) {
    return delegates(t).stream()
        .filter(w -> w.delegate().rank() == rank)
        .findFirst()
        .orElseThrow(() -> new AssertionError("nobody ranked " + rank));
  }

  private static Wallet wallet(TestChain t, String publicKey) {
    return t.store.queries().walletByPublicKey(publicKey).orElseThrow();
  }

  private static Asset.Vote vote(boolean add, PrivateKey delegate) {
    return new Asset.Vote(List.of(new Asset.VoteEntry(add, Bytes.of(delegate.publicKey()))));
  }

  private static PrivateKey generatorOf(TestChain t, long height) throws Exception {
    String generator = t.block(height).header().generatorPublicKeyHex();
    return t.plan.delegates().stream()
        .filter(d -> d.publicKey().equals(generator))
        .findFirst()
        .orElseThrow()
        .key();
  }

  private static void forgeNext(TestChain t) {
    t.forgeUntil(t.chain.snapshot().height() + 1, slotAfterTip(t), 1);
  }

  private static long slotAfterTip(TestChain t) {
    return t.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
  }
}
