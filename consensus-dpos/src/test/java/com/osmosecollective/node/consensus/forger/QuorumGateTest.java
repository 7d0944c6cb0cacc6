package com.osmosecollective.node.consensus.forger;

import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OUR_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.block;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.peers;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateAnalyzer;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuorumGateTest {
  private final Block tip = block(100, OUR_DELEGATE, 0);
  private final ForgingTurn turn =
      new ForgingTurn(Hex.encode(OUR_DELEGATE.publicKey()), tip.height(), tip.id());

  private CompletableFuture<NetworkState> quorumOf(int agreeing, int forked) {
    return CompletableFuture.completedFuture(
        new NetworkStateAnalyzer(20).analyze(tip, 5, false, peers(agreeing, forked, 100, 5)));
  }

  @Test
  void decidesOnTheQuorumAtSixtySixPercent() {
    assertThat(new QuorumGate(() -> quorumOf(65, 35), 1000).allowsForging(turn)).isFalse();
    assertThat(new QuorumGate(() -> quorumOf(66, 34), 1000).allowsForging(turn)).isTrue();
    assertThat(new QuorumGate(() -> quorumOf(67, 33), 1000).allowsForging(turn)).isTrue();
  }

  @Test
  void aStateThatDoesNotArriveInTimeIsUnknownAndRefused() {
    CompletableFuture<NetworkState> never = new CompletableFuture<>();
    long start = System.nanoTime();

    boolean allowed = new QuorumGate(() -> never, 100).allowsForging(turn);

    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(allowed).isFalse();
    assertThat(waitedMillis).isBetween(100L, 5_000L);
  }

  @Test
  void aFailingSourceIsUnknownAndRefused() {
    AtomicInteger asked = new AtomicInteger();
    QuorumGate failed =
        new QuorumGate(
            () -> {
              asked.incrementAndGet();
              return CompletableFuture.failedFuture(new IllegalStateException("p2p down"));
            },
            1000);
    QuorumGate throwing =
        new QuorumGate(
            () -> {
              throw new IllegalStateException("not started");
            },
            1000);

    assertThat(failed.allowsForging(turn)).isFalse();
    assertThat(asked).hasValue(1);
    assertThat(throwing.allowsForging(turn)).isFalse();
  }

  @Test
  void anInterruptedForgerRefusesAndKeepsItsInterrupt() {
    QuorumGate gate = new QuorumGate(CompletableFuture::new, 10_000);
    Thread.currentThread().interrupt();
    try {
      assertThat(gate.allowsForging(turn)).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
