package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vote-weight index against a brute-force recomputation: after every block of random histories
 * (votes, vote switches, transfers, HTLC locks and claims, rewards), each delegate's voters and
 * weights are recomputed from the whole wallet state, and the index must give exactly the same map
 * at that height — before and after reverting and re-committing blocks.
 */
class VoteWeightIndexTest {
  @TempDir Path dir;

  /** delegate public key → voter → weight, from every wallet of the state (weight 0 left out). */
  private static Map<String, SortedMap<String, Long>> bruteForce(Map<String, Wallet> state) {
    Map<String, SortedMap<String, Long>> out = new HashMap<>();
    for (Wallet w : state.values()) {
      if (w.vote() != null && w.votingWeight() != 0) {
        out.computeIfAbsent(w.vote(), k -> new TreeMap<>()).put(w.address(), w.votingWeight());
      }
    }
    return out;
  }

  @Test
  void weightsAtEveryHeightEqualARecomputationFromAllWallets() throws Exception {
    for (long seed : new long[] {7, 11, 2024}) {
      Path db = dir.resolve("seed-" + seed);
      RandomChain chain = new RandomChain(new RandomChain.Settings(seed, 30, 6, 20, true));
      List<Map<String, SortedMap<String, Long>>> expected = new ArrayList<>();
      expected.add(Map.of()); // height 0
      List<BlockCommit> commits = new ArrayList<>();
      try (ChainStore store =
          ChainStore.open(StoreOptions.defaults(db).withUndoKeepBlocks(200), "seed" + seed)) {
        for (int h = 1; h <= 80; h++) {
          BlockCommit commit = chain.next();
          commits.add(commit);
          store.commit(commit);
          expected.add(bruteForce(chain.state()));
        }
        TreeSet<String> delegates = new TreeSet<>();
        expected.forEach(m -> delegates.addAll(m.keySet()));
        assertThat(delegates).as("the random history has voters").hasSizeGreaterThan(2);
        assertEveryHeight(store, delegates, expected, 80);

        Random random = new Random(seed);
        int reverted = 10 + random.nextInt(30);
        for (int i = 0; i < reverted; i++) {
          store.revertTip();
        }
        long tip = 80 - reverted;
        assertEveryHeight(store, delegates, expected, tip);
        for (String delegate : delegates) {
          List<VoteWeightChange> above = new ArrayList<>();
          store.queries().forEachVoteWeightChange(delegate, tip + 1, Long.MAX_VALUE, above::add);
          assertThat(above).as("entries above the tip after revert").isEmpty();
        }
        for (int h = (int) tip + 1; h <= 80; h++) {
          store.commitBulk(commits.get(h - 1));
        }
        store.flush();
        assertEveryHeight(store, delegates, expected, 80);
      }
      assertThat(
              DatabaseChecker.check(StoreOptions.defaults(db).withUndoKeepBlocks(200)).problems())
          .isEmpty();
    }
  }

  private static void assertEveryHeight(
      ChainStore store,
      TreeSet<String> delegates,
      List<Map<String, SortedMap<String, Long>>> expected,
      long tip) {
    for (String delegate : delegates) {
      for (long h = 0; h <= tip; h++) {
        assertThat(store.queries().voteWeightsAt(delegate, h))
            .as("voters of %s after block %d", delegate, h)
            .isEqualTo(expected.get((int) h).getOrDefault(delegate, new TreeMap<>()));
      }
    }
  }

  @Test
  void oneEntryPerChangeAndNoneWhenTheWeightStaysTheSame() throws Exception {
    RandomChain chain = new RandomChain(new RandomChain.Settings(5, 30, 6, 20, true));
    try (ChainStore store = ChainStore.open(StoreOptions.defaults(dir), "one-entry")) {
      Map<String, Wallet> before = new HashMap<>();
      for (int h = 1; h <= 40; h++) {
        BlockCommit commit = chain.next();
        store.commit(commit);
        Map<String, Integer> changes = new HashMap<>();
        for (WalletChange change : commit.walletChanges()) {
          Wallet old = before.get(change.address());
          Wallet now = change.value();
          String oldVote = old == null ? null : old.vote();
          String newVote = now == null ? null : now.vote();
          if (oldVote != null && !oldVote.equals(newVote)) {
            changes.merge(oldVote, 1, Integer::sum);
          }
          if (newVote != null
              && (!newVote.equals(oldVote) || old.votingWeight() != now.votingWeight())) {
            changes.merge(newVote, 1, Integer::sum);
          }
        }
        for (String delegate :
            chain.state().values().stream()
                .filter(w -> w.publicKey() != null && w.delegate() != null)
                .map(Wallet::publicKey)
                .toList()) {
          List<VoteWeightChange> atH = new ArrayList<>();
          store.queries().forEachVoteWeightChange(delegate, h, h, atH::add);
          assertThat(atH).hasSize(changes.getOrDefault(delegate, 0));
          assertThat(atH).allMatch(c -> c.height() == commit.block().height());
        }
        chain.state().forEach(before::put);
        before.keySet().retainAll(chain.state().keySet());
      }
    }
  }
}
