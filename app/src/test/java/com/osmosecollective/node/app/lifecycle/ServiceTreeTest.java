package com.osmosecollective.node.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Issue #10: one place says what runs, in what order it starts, and how it stops. */
class ServiceTreeTest {
  private final List<String> events = new CopyOnWriteArrayList<>();

  /** A service that records its start and stop, and fails or hangs when told to. */
  private final class Recording implements Service {
    final String name;
    boolean failStart;
    boolean failStop;
    CountDownLatch hangOnStop;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start() throws Exception {
      events.add("start " + name);
      if (failStart) {
        throw new IllegalStateException(name + " cannot start");
      }
    }

    @Override
    public void stop() throws Exception {
      events.add("stop " + name);
      if (hangOnStop != null) {
        hangOnStop.await();
      }
      if (failStop) {
        throw new IllegalStateException(name + " cannot stop");
      }
    }

    @Override
    public Duration stopTimeout() {
      return Duration.ofMillis(300);
    }

    @Override
    public String detail() {
      return "detail of " + name;
    }
  }

  private ServiceTree tree(Recording... services) {
    ServiceTree.Builder builder = ServiceTree.builder(Clock.systemUTC());
    for (Recording s : services) {
      builder.add(s);
    }
    return builder.build();
  }

  @Test
  void startsInDependencyOrderAndStopsInReverse() throws Exception {
    ServiceTree tree =
        tree(
            new Recording("storage"),
            new Recording("chain"),
            new Recording("pool"),
            new Recording("forger"),
            new Recording("api"));
    tree.start();
    assertThat(tree.health()).allMatch(h -> h.state() == ServiceState.RUNNING);
    assertThat(tree.health().get(1).detail()).isEqualTo("detail of chain");

    assertThat(tree.stop(Duration.ofSeconds(5))).isTrue();

    assertThat(events)
        .containsExactly(
            "start storage",
            "start chain",
            "start pool",
            "start forger",
            "start api",
            "stop api",
            "stop forger",
            "stop pool",
            "stop chain",
            "stop storage");
    assertThat(tree.health()).allMatch(h -> h.state() == ServiceState.STOPPED);
    // idempotent: a second stop (the shutdown hook after the runner) stops nothing again
    assertThat(tree.stop(Duration.ofSeconds(5))).isTrue();
    assertThat(events).hasSize(10);
  }

  @Test
  void aServiceThatIsNotThereIsSimplyNotInTheTree() {
    ServiceTree tree =
        ServiceTree.builder(Clock.systemUTC())
            .add(new Recording("storage"))
            .add(Optional.<Service>empty())
            .add(Optional.of(new Recording("api")))
            .build();
    assertThat(tree.names()).containsExactly("storage", "api");
    assertThatThrownBy(
            () ->
                ServiceTree.builder(Clock.systemUTC())
                    .add(new Recording("api"))
                    .add(new Recording("api")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedStartStopsTheStartedServicesInReverseAndRethrows() {
    Recording pool = new Recording("pool");
    pool.failStart = true;
    ServiceTree tree =
        tree(new Recording("storage"), new Recording("chain"), pool, new Recording("api"));

    assertThatThrownBy(tree::start).hasMessage("pool cannot start");

    assertThat(events)
        .containsExactly(
            "start storage", "start chain", "start pool", "stop chain", "stop storage");
    assertThat(tree.health().get(2).state()).isEqualTo(ServiceState.FAILED);
    assertThat(tree.health().get(2).lastError()).contains("pool cannot start");
    assertThat(tree.health().get(3).state()).isEqualTo(ServiceState.NEW);
  }

  @Test
  void aFailingStopIsRecordedAndTheOthersStillStop() throws Exception {
    Recording chain = new Recording("chain");
    chain.failStop = true;
    ServiceTree tree = tree(new Recording("storage"), chain, new Recording("api"));
    tree.start();

    assertThat(tree.stop(Duration.ofSeconds(5))).isTrue();

    assertThat(events).endsWith("stop api", "stop chain", "stop storage");
    assertThat(tree.health().get(1).state()).isEqualTo(ServiceState.FAILED);
    assertThat(tree.health().get(1).lastError().orElseThrow()).contains("cannot stop");
  }

  /**
   * A stop that outlasts its time is abandoned with everything below it, which it may still use
   * (closing the store under a running chain thread would be worse than not closing it).
   */
  @Test
  void aHangingStopIsAbandonedWithTheServicesBelowIt() throws Exception {
    Recording chain = new Recording("chain");
    chain.hangOnStop = new CountDownLatch(1);
    ServiceTree tree = tree(new Recording("storage"), chain, new Recording("api"));
    tree.start();
    long started = System.nanoTime();

    assertThat(tree.stop(Duration.ofSeconds(5))).isFalse();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(events).endsWith("stop api", "stop chain").doesNotContain("stop storage");
    assertThat(tree.health().get(1).lastError().orElseThrow()).contains("did not stop within");
    assertThat(tree.health().get(0).state()).isEqualTo(ServiceState.RUNNING);
    chain.hangOnStop.countDown();
  }

  @Test
  void theTotalStopTimeBoundsEveryStop() throws Exception {
    Recording api = new Recording("api");
    api.hangOnStop = new CountDownLatch(1);
    ServiceTree tree = tree(new Recording("storage"), api);
    tree.start();
    long started = System.nanoTime();

    assertThat(tree.stop(Duration.ofMillis(100))).isFalse();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(280));
    api.hangOnStop.countDown();
  }

  @Test
  void theHealthViewSaysSinceWhenAndTheLastError() throws Exception {
    ServiceTree tree = tree(new Recording("storage"), new Recording("chain"));
    tree.start();
    tree.reportError("chain", new IllegalStateException("boom"));

    ServiceHealth chain = tree.health().get(1);
    assertThat(chain.state()).isEqualTo(ServiceState.RUNNING);
    assertThat(chain.since()).isNotNull();
    assertThat(chain.lastError()).contains("java.lang.IllegalStateException: boom");
    assertThat(chain.describe())
        .startsWith("chain RUNNING since ")
        .contains("(detail of chain)")
        .endsWith("last error: java.lang.IllegalStateException: boom");
    tree.stop(Duration.ofSeconds(1));
  }
}
