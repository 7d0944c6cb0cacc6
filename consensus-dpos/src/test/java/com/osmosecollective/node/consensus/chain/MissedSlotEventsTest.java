package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.MissedBlocksForkCheck;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty slots on a chain with gaps: reported to listeners, never counted in wallet state. */
class MissedSlotEventsTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void listenersHearEveryEmptySlotWithItsDelegateAtMostOnePerDelegate() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      MissedBlocksForkCheck check =
          new MissedBlocksForkCheck(t.network.milestones(), () -> 0.5, () -> 1_000_000_000L);
      AtomicInteger forkChecks = new AtomicInteger();
      t.chain.addListener(new ForkCheckOnMissedSlots(check, forkChecks::incrementAndGet));

      long next = t.forgeUntil(5, FIRST_SLOT, 1); // slots 1000..1003
      t.forgeUntil(6, next + 2, 1); // slots 1004 and 1005 stay empty
      long gapStart = next + 3;
      t.forgeUntil(7, gapStart + 60, 1); // 60 empty slots: one round's worth is reported

      // No votes: every round ranks the delegates by public key (spec §2.2); heights 2..7 are
      // in round 1.
      List<String> order =
          DelegateShuffle.forgingOrder(
              1, t.plan.delegates().stream().map(GenesisAccount::publicKey).sorted().toList());
      assertThat(infoAt(t, 2).missedSlots()).as("nothing after the genesis block").isEmpty();
      for (long height = 3; height <= 5; height++) {
        assertThat(infoAt(t, height).missedSlots()).isEmpty();
      }
      assertThat(infoAt(t, 6).missedSlots())
          .containsExactlyElementsOf(expected(t, order, LongStream.of(next, next + 1)));
      List<MissedSlotEvent> longGap = infoAt(t, 7).missedSlots();
      assertThat(longGap)
          .containsExactlyElementsOf(expected(t, order, LongStream.range(gapStart, gapStart + 51)));
      assertThat(longGap.stream().map(MissedSlotEvent::publicKey).distinct()).hasSize(51);
      // slots 51 apart belong to the same delegate: 1004 and 1005 come back at 1055 and 1056
      assertThat(infoAt(t, 6).missedBy())
          .containsExactly(longGap.get(48).username(), longGap.get(49).username());

      // each delegate's missed-block count is the number of events that named it
      java.util.Map<String, Long> named = new java.util.HashMap<>();
      infoAt(t, 6).missedSlots().forEach(e -> named.merge(e.publicKey(), 1L, Long::sum));
      longGap.forEach(e -> named.merge(e.publicKey(), 1L, Long::sum));
      for (Wallet w : t.wallets().values()) {
        if (w.isDelegate()) {
          assertThat(w.delegate().missedBlocks())
              .as("missed blocks of %s", w.publicKey())
              .isEqualTo(named.getOrDefault(w.publicKey(), 0L));
        }
      }

      // 53 misses: the check is due at the 16th, then twice more within ten minutes (skipped)
      assertThat(forkChecks).hasValue(1);
      assertThat(check.missedSinceReset()).isEqualTo(53 - 3 * 16);
      t.forgeUntil(50, gapStart + 61, 1);
      assertThat(check.missedSinceReset()).isEqualTo(5);
      t.forgeUntil(51, gapStart + 61 + 43, 1);
      assertThat(check.missedSinceReset()).as("a new round restarts the count").isZero();
    }
  }

  private static AppliedBlockInfo infoAt(TestChain t, long height) {
    int index = -1;
    for (int i = 0; i < t.applied.size(); i++) {
      if (t.applied.get(i).height() == height) {
        index = i;
      }
    }
    return t.appliedInfo.get(index);
  }

  private static List<MissedSlotEvent> expected(TestChain t, List<String> order, LongStream slots) {
    return slots
        .mapToObj(
            slot -> {
              String key = order.get((int) (slot % 51));
              String name =
                  t.store.queries().walletByPublicKey(key).orElseThrow().delegate().username();
              return new MissedSlotEvent(slot, key, name);
            })
        .toList();
  }
}
