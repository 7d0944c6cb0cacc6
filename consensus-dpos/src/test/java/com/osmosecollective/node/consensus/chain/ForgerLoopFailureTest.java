package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.ForgerLoop;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.storage.StorageFailure;
import com.osmosecollective.node.storage.WriteFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: the forging loop never retries a fatal failure (it stopped the node's forger after a
 * disk-full commit only by logging every 200 ms forever); a failure to record the signed slot is
 * reported and retried in the next slot.
 */
class ForgerLoopFailureTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  private Forger forger(TestChain t, ForgedSlots slots) {
    List<PrivateKey> keys = new ArrayList<>();
    t.plan.delegates().forEach(d -> keys.add(d.key()));
    return new Forger(
        t.network,
        t.chain,
        new NetworkTime(t.network.epoch(), t.clock),
        new DelegateKeys(keys),
        slots,
        TransactionSource.EMPTY,
        NetworkGate.ALONE);
  }

  @Test
  void aStorageFailureStopsTheLoopAndIsHandedOverOnceNeverRetried() throws Exception {
    // genesis and block 2 are written; block 3's commit fails as on a full disk
    try (TestChain t =
        TestChain.open(
            TestChain.networkJson(),
            dir,
            RollbackPolicy.fixed(5),
            WriteFaults.failFrom(3, "No space left on device"),
            UnaryOperator.identity())) {
      List<Throwable> fatal = new CopyOnWriteArrayList<>();
      ForgerLoop loop = new ForgerLoop(forger(t, ForgedSlots.inMemory()), 20, fatal::add);
      try {
        t.atSlot(FIRST_SLOT);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> t.chain.snapshot().height() == 2);
        t.atSlot(FIRST_SLOT + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fatal.isEmpty());

        assertThat(fatal).singleElement().isInstanceOf(StorageFailure.class);
        assertThat(((StorageFailure) fatal.get(0)).diskFull()).isTrue();
        assertThat(loop.stopped()).isTrue();
        // later slots: nothing is tried again
        t.atSlot(FIRST_SLOT + 2);
        await()
            .during(Duration.ofMillis(400))
            .atMost(Duration.ofSeconds(2))
            .until(() -> fatal.size() == 1 && t.chain.snapshot().height() == 2);
      } finally {
        loop.close();
      }
    }
  }

  @Test
  void aSlotThatCannotBeRecordedIsReportedAndTheNextSlotForges() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Path missing = dir.resolve("forger");
      ForgedSlots slots = ForgedSlots.inFile(missing.resolve("last-forged-slot"));
      List<Throwable> fatal = new CopyOnWriteArrayList<>();
      ForgerLoop loop = new ForgerLoop(forger(t, slots), 20, fatal::add);
      try {
        t.atSlot(FIRST_SLOT);
        loop.start();
        // the slot cannot be recorded (no such directory): nothing is signed, nothing is fatal
        await()
            .during(Duration.ofMillis(400))
            .atMost(Duration.ofSeconds(2))
            .until(() -> t.chain.snapshot().height() == 1 && fatal.isEmpty());
        Files.createDirectories(missing);
        await()
            .during(Duration.ofMillis(300))
            .atMost(Duration.ofSeconds(2))
            .until(() -> t.chain.snapshot().height() == 1);
        t.atSlot(FIRST_SLOT + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.chain.snapshot().height() == 2);
        assertThat(slots.lastSlot()).isEqualTo(FIRST_SLOT + 1);
        assertThat(fatal).isEmpty();
        assertThat(loop.stopped()).isFalse();
      } finally {
        loop.close();
      }
    }
  }

  @Test
  void aSignedSlotFarAheadOfTheClockIsReported() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Path file = dir.resolve("last-forged-slot");
      Files.writeString(file, Long.toString(FIRST_SLOT + 500));
      Forger forger = forger(t, ForgedSlots.inFile(file));
      t.atSlot(FIRST_SLOT);

      assertThat(forger.warnIfSignedSlotAhead()).isEqualTo(500);
      assertThat(forger.forgeIfDue()).isEmpty();

      t.atSlot(FIRST_SLOT + 501);
      assertThat(forger.warnIfSignedSlotAhead()).isZero();
      assertThat(forger.forgeIfDue().orElseThrow().outcome().isAccepted()).isTrue();
    }
  }
}
