package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.DatabaseDump;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay through bulk commits must build exactly the database that live application built, at both
 * verification levels; what the trusted level still refuses and the one thing it cannot see.
 */
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
  void replayBuildsTheSameDatabaseAsLiveApplicationAtBothLevels() throws Exception {
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      List<Block> blocks = forgeLiveChain(a);
      Map<String, Map<String, String>> live = DatabaseDump.of(a.store);
      for (ReplayVerification level : ReplayVerification.values()) {
        Path into = dir.resolve(level.name());
        try (TestChain b = TestChain.open(TestChain.networkJson(), into, fixed())) {
          b.clock.set(a.now());
          ReplayResult result = b.chain.replay(blocks, level);

          assertThat(result.complete()).as(level + ": " + result.outcome().reason()).isTrue();
          assertThat(result.applied()).isEqualTo(blocks.size());
          assertThat(result.tipHeight()).isEqualTo(110);
          assertThat(b.chain.snapshot().lastBlock().id()).isEqualTo(blocks.get(108).id());
          assertThat(b.chain.snapshot().nextForgingOrder())
              .isEqualTo(a.chain.snapshot().nextForgingOrder());
          assertSameColumns(DatabaseDump.of(b.store), live, level.name());
        }
        var report = DatabaseChecker.check(StoreOptions.inDataDir(into));
        assertThat(report.problems()).as(level.name()).isEmpty();
        assertThat(report.tipHeight()).isEqualTo(110);
      }
    }
  }

  private static void assertSameColumns(
      Map<String, Map<String, String>> actual,
      Map<String, Map<String, String>> expected,
      String as) {
    assertThat(actual.keySet()).as(as).isEqualTo(expected.keySet());
    for (String column : expected.keySet()) {
      assertThat(actual.get(column)).as(as + " " + column).isEqualTo(expected.get(column));
    }
  }

  /**
   * A revert and a fork switch queued on the chain thread while a replay has blocks waiting in the
   * bulk batch: the batch is written first, the replay goes on from the new tip, and the database
   * ends equal to the live one.
   */
  @Test
  void revertAndForkSwitchInTheMiddleOfAReplayEndInTheLiveState() throws Exception {
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      List<Block> blocks = forgeLiveChain(a);
      try (TestChain b = TestChain.open(TestChain.networkJson(), dir.resolve("b"), fixed())) {
        b.clock.set(a.now());
        List<Integer> heightsSeen = new ArrayList<>();
        // blocks 2..30, revert 3 (tip 27), 28..60, fork switch to 56..62 (tip 62), 63..110
        List<Block> source = new ArrayList<>(heights(blocks, 2, 30));
        source.addAll(heights(blocks, 28, 60));
        source.addAll(heights(blocks, 63, 110));
        Map<Integer, Runnable> before =
            Map.of(
                29,
                () -> {
                  assertThat(b.chain.revert(3).join()).isEqualTo(3);
                  heightsSeen.add((int) b.chain.snapshot().height());
                },
                29 + 33,
                () -> {
                  BlockOutcome switched = b.chain.switchToBranch(heights(blocks, 56, 62)).join();
                  assertThat(switched.isAccepted()).as(switched.reason()).isTrue();
                  heightsSeen.add((int) b.chain.snapshot().height());
                });
        ReplayResult result =
            b.chain.replay(withActions(source, before), ReplayVerification.TRUSTED_SOURCE);

        assertThat(result.complete()).as(result.outcome().reason()).isTrue();
        assertThat(heightsSeen).containsExactly(27, 62);
        assertThat(result.tipHeight()).isEqualTo(110);
        assertSameColumns(DatabaseDump.of(b.store), DatabaseDump.of(a.store), "interrupted");
      }
    }
    assertThat(DatabaseChecker.check(StoreOptions.inDataDir(dir.resolve("b"))).problems())
        .isEmpty();
  }

  private static List<Block> heights(List<Block> blocks, long from, long to) {
    return blocks.subList((int) from - 2, (int) to - 1);
  }

  /** The blocks in order; before handing out the one at index i, runs {@code before.get(i)}. */
  private static Iterable<Block> withActions(List<Block> blocks, Map<Integer, Runnable> before) {
    return () ->
        new java.util.Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < blocks.size();
          }

          @Override
          public Block next() {
            Runnable action = before.get(next);
            if (action != null) {
              action.run();
            }
            return blocks.get(next++);
          }
        };
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

  /** Blocks 2..8 of a live chain; block 6 holds a transfer to the newcomer. */
  private static List<Block> forgeShortChain(TestChain t) throws Exception {
    t.forgeUntil(5, FIRST_SLOT, 1);
    t.pending.add(
        t.sign(
            t.plan.funded().get(0).key(),
            COIN,
            10_000 * COIN,
            new Asset.Transfer(0, t.addressOf(TestChain.NEWCOMER))));
    t.forgeUntil(8, slotAfterTip(t), 1);
    List<Block> blocks = new ArrayList<>();
    for (long h = 2; h <= 8; h++) {
      blocks.add(t.block(h));
    }
    assertThat(blocks.get(4).transactions()).hasSize(1);
    return blocks;
  }

  /** The reason a replay of {@code blocks} into a fresh database stops, and where. */
  private ReplayResult replayFresh(
      TestChain live, List<Block> blocks, ReplayVerification level, String name) throws Exception {
    try (TestChain b = TestChain.open(TestChain.networkJson(), dir.resolve(name), fixed())) {
      b.clock.set(live.now());
      return b.chain.replay(blocks, level);
    }
  }

  @Test
  void aTransactionAlteredInTheSourceIsRefusedByItsPayloadHash() throws Exception {
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      List<Block> blocks = new ArrayList<>(forgeShortChain(a));
      Block original = blocks.get(4);
      Transaction transfer = original.transactions().get(0);
      // same amount and fee (totals hold), same signature bytes, another recipient
      Transaction altered =
          transfer.toBuilder()
              .asset(new Asset.Transfer(0, a.addressOf(a.plan.funded().get(1).key())))
              .build();
      BlockCodec codec = new BlockCodec(a.network);
      Block tampered =
          codec.decode(
              codec.serialize(new Block(original.header(), List.of(altered), original.id())));
      assertThat(tampered.id()).isEqualTo(original.id());
      blocks.set(4, tampered);

      ReplayResult trusted = replayFresh(a, blocks, ReplayVerification.TRUSTED_SOURCE, "t");
      assertThat(trusted.complete()).isFalse();
      assertThat(trusted.tipHeight()).isEqualTo(5);
      assertThat(trusted.outcome().reason())
          .contains("Invalid payload hash")
          .doesNotContain("invalid signature");

      ReplayResult full = replayFresh(a, blocks, ReplayVerification.FULL, "f");
      assertThat(full.tipHeight()).isEqualTo(5);
      assertThat(full.outcome().reason())
          .contains("Invalid payload hash")
          .contains("invalid signature");
    }
  }

  @Test
  void aBlockWithABadBlockSignatureIsRefusedInTrustedMode() throws Exception {
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      List<Block> blocks = new ArrayList<>(forgeShortChain(a));
      Block original = blocks.get(4);
      // a valid signature by the same generator, but over another header (block 8's)
      Block forged =
          new Block(
              original.header().withSignature(blocks.get(6).header().blockSignature()),
              original.transactions(),
              original.id());
      BlockCodec codec = new BlockCodec(a.network);
      blocks.set(4, codec.decode(codec.serialize(forged)));

      ReplayResult trusted = replayFresh(a, blocks, ReplayVerification.TRUSTED_SOURCE, "t");
      assertThat(trusted.complete()).isFalse();
      assertThat(trusted.tipHeight()).isEqualTo(5);
      assertThat(trusted.outcome().reason()).contains("Failed to verify block signature");
    }
  }

  /**
   * The limit of the trusted level, shown rather than hidden: a block whose scheduled generator
   * signed a transaction with an invalid signature. A full check refuses it (and so it never enters
   * a database of ours); a trusted replay cannot tell, so it must only read sources that were fully
   * verified.
   */
  @Test
  void onlyAFullReplaySeesABadTransactionSignatureThatTheGeneratorSigned() throws Exception {
    try (TestChain a = TestChain.open(TestChain.networkJson(), dir.resolve("a"), fixed())) {
      List<Block> blocks = new ArrayList<>(forgeShortChain(a));
      PrivateKey rich = a.plan.funded().get(0).key();
      Transaction valid = a.sign(rich, COIN, 5 * COIN, new Asset.Transfer(0, a.addressOf(rich)));
      Transaction other = a.sign(rich, COIN, 6 * COIN, new Asset.Transfer(0, a.addressOf(rich)));
      a.pending.add(valid.toBuilder().signature(other.signature()).build());
      a.atSlot(slotAfterTip(a));
      var walletsBefore = a.wallets();
      Forger.Forged forged = a.forger.forgeIfDue().orElseThrow();
      // live, the chain applies state while the signatures are checked: nothing may stay of it
      assertThat(forged.outcome().status()).isEqualTo(BlockStatus.REJECTED);
      assertThat(forged.outcome().reason())
          .startsWith("verification failed")
          .contains("invalid signature");
      assertThat(a.chain.snapshot().height()).isEqualTo(8);
      assertThat(a.store.tip().orElseThrow().height()).isEqualTo(8);
      assertThat(a.wallets()).isEqualTo(walletsBefore);
      blocks.add(forged.block());

      ReplayResult full = replayFresh(a, blocks, ReplayVerification.FULL, "f");
      assertThat(full.tipHeight()).isEqualTo(8);
      assertThat(full.outcome().reason()).contains("invalid signature");

      ReplayResult trusted = replayFresh(a, blocks, ReplayVerification.TRUSTED_SOURCE, "t");
      assertThat(trusted.complete()).as(trusted.outcome().reason()).isTrue();
      assertThat(trusted.tipHeight()).isEqualTo(9);
    }
  }

  private static RollbackPolicy fixed() {
    return RollbackPolicy.fixed(5);
  }
}
