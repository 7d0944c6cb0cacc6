package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.NoPeersGate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10: without peers on a network that is not a local devnet, the forger never forges. */
class NoPeersGateTest {
  @TempDir Path dir;

  @Test
  void aForgerWithoutPeersNeverForgesWhateverTheSlot() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      Forger forger =
          t.forger(
              TransactionSource.EMPTY,
              new NoPeersGate(
                  new NetworkTime(t.network.epoch(), t.clock),
                  t.network.milestones(),
                  "no peers in this test"));
      for (long slot = 1000; slot < 1000 + 2 * 51; slot++) {
        t.atSlot(slot);
        assertThat(forger.forgeIfDue()).as("slot %d", slot).isEmpty();
      }
      assertThat(t.chain.snapshot().height()).isEqualTo(1);
    }
  }
}
