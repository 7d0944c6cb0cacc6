package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.DatabaseDump;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay through bulk commits must build exactly the database that live application built. */
class ChainReplayTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  /**
   * A live chain with transfers, a registration and a vote, missed slots, two round ends and a
   * reward change; its blocks 2..tip replayed into a fresh database.
   */
  private static List<Block> forgeLiveChain(TestChain t) throws Exception {
    t.forgeUntil(5, FIRST_SLOT, 1);
    PrivateKey rich = t.plan.funded().get(0).key();
    t.pending.add(
        t.sign(rich, COIN, 10_000 * COIN, new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER))));
    t.pending.add(
        t.sign(TestChain.NEWCOMER, 4000 * COIN, 0, new Asset.DelegateRegistration("newcomer")));
    long slot = t.forgeUntil(6, slotAfterTip(t), 1);
    t.pending.add(
        t.sign(
            rich,
            10 * COIN,
            0,
            new Asset.Vote(
                List.of(new Asset.VoteEntry(true, Bytes.of(TestChain.NEWCOMER.publicKey()))))));
    slot = t.forgeUntil(7, slot, 1);
    // every second slot empty: missed blocks counted, rounds 2 and 3 chosen, reward drops at 60
    t.forgeUntil(110, slot, 2);
    List<Block> blocks = new ArrayList<>();
    for (long h = 2; h <= t.chain.snapshot().height(); h++) {
      blocks.add(t.block(h));
    }
    return blocks;
  }

  private static long slotAfterTip(TestChain t) {
    return t.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
  }

  @Test
  void replayBuildsTheSameDatabaseAsLiveApplication() throws Exception {
    Map<String, Map<String, String>> live;
    List<Block> blocks;
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      blocks = forgeLiveChain(a);
      live = DatabaseDump.of(a.store);
      try (TestChain b = TestChain.open(TestChain.networkJson(), dir.resolve("b"), fixed())) {
        b.clock.set(a.now());
        ReplayResult result = b.chain.replay(blocks);

        assertThat(result.complete()).as(result.outcome().reason()).isTrue();
        assertThat(result.applied()).isEqualTo(blocks.size());
        assertThat(result.tipHeight()).isEqualTo(110);
        assertThat(b.chain.snapshot().lastBlock().id()).isEqualTo(blocks.get(108).id());
        assertThat(b.chain.snapshot().nextForgingOrder())
            .isEqualTo(a.chain.snapshot().nextForgingOrder());
        Map<String, Map<String, String>> replayed = DatabaseDump.of(b.store);
        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        for (String column : live.keySet()) {
          assertThat(replayed.get(column)).as(column).isEqualTo(live.get(column));
        }
      }
    }
    var report = DatabaseChecker.check(StoreOptions.inDataDir(dir.resolve("b")));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(110);
  }

  @Test
  void replayStopsAtTheFirstRefusedBlockAndKeepsTheOnesBefore() throws Exception {
    List<Block> blocks;
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      blocks = forgeLiveChain(a);
      try (TestChain b = TestChain.open(TestChain.networkJson(), dir.resolve("b"), fixed())) {
        b.clock.set(a.now());
        List<Block> broken = new ArrayList<>(blocks.subList(0, 60));
        broken.remove(40); // block 42 is missing: block 43 does not chain
        ReplayResult result = b.chain.replay(broken);

        assertThat(result.complete()).isFalse();
        assertThat(result.outcome().status()).isNotEqualTo(BlockStatus.ACCEPTED);
        assertThat(result.applied()).isEqualTo(40);
        assertThat(result.tipHeight()).isEqualTo(41);
        assertThat(b.store.tip().orElseThrow().height()).isEqualTo(41);
        // live application continues from there
        for (Block block : blocks.subList(40, 50)) {
          assertThat(b.chain.submit(block).join().isAccepted()).isTrue();
        }
        assertThat(b.store.tip().orElseThrow().height()).isEqualTo(51);
        assertThat(b.store.queries().round(2)).isEqualTo(a.store.queries().round(2));
      }
    }
    var report = DatabaseChecker.check(StoreOptions.inDataDir(dir.resolve("b")));
    assertThat(report.problems()).isEmpty();
  }

  private static RollbackPolicy fixed() {
    return RollbackPolicy.fixed(5);
  }
}
