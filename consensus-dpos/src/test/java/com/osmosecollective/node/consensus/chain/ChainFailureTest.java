package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StorageFailure;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.WriteFaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: only a rule the block breaks refuses it; a storage failure, a broken invariant or an
 * unexpected exception while applying a block halts the chain, with the store at its last whole
 * block.
 */
class ChainFailureTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  /** Core rules, plus a refusal or an exception for the blocks a test names. */
  static final class Sabotage implements StateApplier {
    final StateApplier rules;
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final AtomicBoolean explode = new AtomicBoolean();

    Sabotage(StateApplier rules) {
      this.rules = rules;
    }

    @Override
    public StateChanges applyGenesis(Block genesis, WalletRepository base) {
      return rules.applyGenesis(genesis, base);
    }

    @Override
    public StateChanges apply(Block block, Block previous, WalletRepository base)
        throws BlockApplyException {
      if (explode.get()) {
        throw new IllegalStateException("injected failure inside block application");
      }
      if (refused.contains(block.id())) {
        throw new BlockApplyException("refused by the test");
      }
      return rules.apply(block, previous, base);
    }
  }

  private Sabotage sabotage;

  private TestChain open(Path where, WriteFaults faults) throws Exception {
    return TestChain.open(
        TestChain.networkJson(),
        where,
        RollbackPolicy.fixed(5),
        faults,
        rules -> {
          sabotage = new Sabotage(rules);
          return sabotage;
        });
  }

  @Test
  void aBlockApplyExceptionRefusesTheBlockAndTheChainGoesOn() throws Exception {
    try (TestChain t = open(dir, WriteFaults.NONE)) {
      t.forgeUntil(3, FIRST_SLOT, 1);
      Block third = t.block(3);
      t.chain.revert(1).join();
      sabotage.refused.add(third.id());

      assertThat(t.chain.submit(third).join().status()).isEqualTo(BlockStatus.REJECTED);

      assertThat(t.chain.haltCause()).isEmpty();
      sabotage.refused.clear();
      assertThat(t.chain.submit(third).join().isAccepted()).isTrue();
    }
  }

  @Test
  void aRuntimeExceptionInsideBlockApplicationHaltsTheChainInsteadOfRefusingTheBlock()
      throws Exception {
    try (TestChain t = open(dir, WriteFaults.NONE)) {
      List<Throwable> halts = new CopyOnWriteArrayList<>();
      t.chain.onHalt(halts::add);
      t.forgeUntil(3, FIRST_SLOT, 1);
      sabotage.explode.set(true);
      t.atSlot(FIRST_SLOT + 10);

      Throwable thrown = catchThrowable(() -> t.forger.forgeIfDue());

      assertThat(thrown)
          .isInstanceOf(CompletionException.class)
          .hasRootCauseMessage("injected failure inside block application");
      assertThat(halts).hasSize(1);
      assertThat(halts.get(0)).hasMessage("injected failure inside block application");
      assertThat(t.chain.snapshot().height()).isEqualTo(3);
      assertThat(t.store.tip().orElseThrow().height()).isEqualTo(3);
      sabotage.explode.set(false);
      // halted: nothing more is applied, reverted or replayed
      assertThatThrownBy(() -> t.chain.submit(t.block(3)).join())
          .hasCauseInstanceOf(ChainHaltedException.class);
      assertThatThrownBy(() -> t.chain.revert(1).join())
          .hasCauseInstanceOf(ChainHaltedException.class);
      assertThatThrownBy(() -> t.chain.replay(List.of())).isInstanceOf(ChainHaltedException.class);
      assertThat(halts).hasSize(1);
    }
  }

  @Test
  void aStorageFailureOnCommitHaltsTheChainAtTheLastCommittedBlock() throws Exception {
    // writes: genesis, then blocks 2, 3, 4; the fifth write fails
    try (TestChain t = open(dir, WriteFaults.failFrom(5, "Input/output error"))) {
      List<Throwable> halts = new CopyOnWriteArrayList<>();
      t.chain.onHalt(halts::add);
      Throwable thrown = catchThrowable(() -> t.forgeUntil(10, FIRST_SLOT, 1));

      assertThat(thrown).hasCauseInstanceOf(StorageFailure.class);
      assertThat(halts).singleElement().isInstanceOf(StorageFailure.class);
      StorageFailure failure = (StorageFailure) halts.get(0);
      assertThat(failure.kind()).isEqualTo(StorageFailure.Kind.IO_ERROR);
      assertThat(failure).hasMessageContaining("the chain is intact at height 4");
      assertThat(t.chain.snapshot().height()).isEqualTo(4);
    }
    CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(dir));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(4);
  }

  /**
   * A fork switch whose branch fails half way goes back to our own blocks; when one of them is then
   * refused, the chain halts (never silently half-switched), with the store at a whole block that
   * db check accepts.
   */
  @Test
  void aFailedForkSwitchIsFatalAndLeavesAConsistentStore() throws Exception {
    Path aDir = dir.resolve("a");
    List<Throwable> halts = new CopyOnWriteArrayList<>();
    try (TestChain b =
            TestChain.open(TestChain.networkJson(), dir.resolve("b"), RollbackPolicy.fixed(5));
        TestChain a = open(aDir, WriteFaults.NONE)) {
      a.chain.onHalt(halts::add);
      a.forgeUntil(5, FIRST_SLOT, 1);
      for (long height = 2; height <= 5; height++) {
        Block block = a.block(height);
        b.clock.set(a.network.epoch().plusSeconds(block.timestamp()));
        assertThat(b.chain.submit(block).join().isAccepted()).isTrue();
      }
      long fork = a.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
      a.forgeUntil(10, fork, 1); // ours: 6..10
      b.forgeUntil(8, fork + 1, 2); // theirs: 6..8 in other slots
      a.clock.set(b.now());
      List<Block> broken = new ArrayList<>(List.of(b.block(6), b.block(8)));
      sabotage.refused.add(a.block(7).id());

      Throwable thrown = catchThrowable(() -> a.chain.switchToBranch(broken).join());

      assertThat(thrown).hasCauseInstanceOf(InvariantViolation.class);
      assertThat(thrown.getCause())
          .hasMessageContaining("block 7")
          .hasMessageContaining("of our own chain was refused");
      assertThat(halts).singleElement().isInstanceOf(InvariantViolation.class);
      assertThat(a.store.tip().orElseThrow().height()).isEqualTo(6);
      assertThat(a.chain.snapshot().lastBlock().id()).isEqualTo(a.block(6).id());
    }
    CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(aDir));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(6);
  }
}
