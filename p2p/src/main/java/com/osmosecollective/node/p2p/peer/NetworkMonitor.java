package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.consensus.ForkTieBreak;
import com.osmosecollective.node.consensus.ForkTieBreak.BranchStart;
import com.osmosecollective.node.consensus.netstate.ColdStart;
import com.osmosecollective.node.consensus.netstate.PeerObservation;
import com.osmosecollective.node.consensus.netstate.PeerObservations;
import com.osmosecollective.node.p2p.message.PeerAddress;
import com.osmosecollective.node.p2p.message.PeerState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery and maintenance (spec §7.6, ARK's {@code network-monitor.ts}): seeds first, then every
 * update asks up to 8 random peers for theirs (at most 50 taken from each) and re-pings everyone,
 * forgetting the ones that fail; more often while below the minimum network reach. It also
 * implements consensus' {@link PeerObservations} (a forced fast ping of every peer with a 1.5 s
 * deadline) and the peers' side of fork detection (§3.6).
 */
public final class NetworkMonitor implements PeerObservations {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkMonitor.class);

  static final Duration OBSERVE_DEADLINE = Duration.ofMillis(1500);
  private static final int ASKED_FOR_PEERS = 8;
  private static final int TAKEN_PER_ANSWER = 50;
  private static final int MAX_ROLLBACK = 5000;

  private final PeerTable table;
  private final PeerAcceptance acceptance;
  private final PeerClient client;
  private final ScheduledExecutorService scheduler;
  private final int minimumNetworkReach;
  private final Duration interval;
  private final ColdStart coldStart;
  private final boolean networkStart;
  private final Random random = new Random();
  private volatile ScheduledFuture<?> next;
  private volatile boolean stopped;

  public NetworkMonitor(
      PeerTable table,
      PeerAcceptance acceptance,
      PeerClient client,
      ScheduledExecutorService scheduler,
      int minimumNetworkReach,
      Duration interval,
      ColdStart coldStart,
      boolean networkStart) {
    this.table = table;
    this.acceptance = acceptance;
    this.client = client;
    this.scheduler = scheduler;
    this.minimumNetworkReach = minimumNetworkReach;
    this.interval = interval;
    this.coldStart = coldStart;
    this.networkStart = networkStart;
  }

  /** Tries the seeds, then keeps the network status up to date. */
  public void start(List<PeerKey> seeds) {
    for (PeerKey seed : seeds) {
      acceptance.seed(seed);
    }
    var unused =
        CompletableFuture.allOf(
                seeds.stream().map(acceptance::accept).toArray(CompletableFuture[]::new))
            .whenComplete((ok, error) -> schedule(Duration.ZERO));
  }

  public void stop() {
    stopped = true;
    ScheduledFuture<?> scheduled = next;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  private void schedule(Duration delay) {
    if (!stopped) {
      next = scheduler.schedule(this::update, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** ARK's {@code updateNetworkStatus}: discover, then cleanse; re-adds seeds when short. */
  private void update() {
    if (networkStart) {
      coldStart.arm();
    }
    boolean short_ = table.size() < minimumNetworkReach;
    if (short_) {
      for (PeerKey seed : acceptance.seeds()) {
        var unused = acceptance.accept(seed);
      }
    }
    var unused =
        discover()
            .thenCompose(done -> cleanse())
            .whenComplete(
                (done, error) -> {
                  if (error != null) {
                    LOG.debug("network status update failed: {}", error.toString());
                  }
                  // ARK: 60 s while below the minimum reach, else 10 minutes; both scaled by
                  // interval
                  schedule(
                      table.size() < minimumNetworkReach ? interval : interval.multipliedBy(10));
                });
  }

  /** Asks up to 8 random peers for their peers and tries up to 50 of each answer. */
  public CompletableFuture<Void> discover() {
    List<Peer> peers = table.all();
    Collections.shuffle(peers, random);
    List<CompletableFuture<?>> asked = new ArrayList<>();
    for (Peer peer : peers.subList(0, Math.min(ASKED_FOR_PEERS, peers.size()))) {
      asked.add(
          client
              .getPeers(peer.key())
              .thenAccept(answer -> tryAll(answer.peers()))
              .exceptionally(error -> null));
    }
    return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new));
  }

  private void tryAll(List<PeerAddress> addresses) {
    List<PeerAddress> shuffled = new ArrayList<>(addresses);
    Collections.shuffle(shuffled, random);
    for (PeerAddress address : shuffled.subList(0, Math.min(TAKEN_PER_ANSWER, shuffled.size()))) {
      Optional<InetAddress> ip = PeerIp.parse(address.ip());
      if (ip.isPresent() && address.port() >= 1 && address.port() <= 65535) {
        var unused = acceptance.accept(new PeerKey(ip.get(), (int) address.port()));
      }
    }
  }

  /** Re-pings every peer (full verification), forgetting the ones that fail. */
  public CompletableFuture<Void> cleanse() {
    return CompletableFuture.allOf(
        table.all().stream()
            .map(p -> acceptance.refresh(p, PeerVerifier.Mode.FULL, PeerClient.STATUS_TIMEOUT))
            .toArray(CompletableFuture[]::new));
  }

  /**
   * Consensus' view of the peers: every peer pinged now (fast verification, 1.5 s); those whose
   * ping failed are forgotten, those still pending when the deadline passes are reported with their
   * last state.
   */
  @Override
  public CompletableFuture<List<PeerObservation>> observe() {
    List<CompletableFuture<?>> pings = new ArrayList<>();
    for (Peer peer : table.all()) {
      pings.add(acceptance.refresh(peer, PeerVerifier.Mode.FAST, OBSERVE_DEADLINE));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new));
    return all.completeOnTimeout(null, OBSERVE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(ignored -> observations());
  }

  private List<PeerObservation> observations() {
    List<PeerObservation> out = new ArrayList<>();
    for (Peer peer : table.all()) {
      PeerState state = peer.state();
      if (state == null || peer.tipHeader() == null) {
        continue;
      }
      Boolean forked = peer.fastForked();
      out.add(
          new PeerObservation(
              peer.key().toString(),
              state.height(),
              peer.tipHeader(),
              forked != null && forked,
              state.currentSlot(),
              state.forgingAllowed()));
    }
    return out;
  }

  /** The median of the peers' heights, empty without peers. */
  public OptionalLong networkHeight() {
    long[] heights =
        table.all().stream().mapToLong(Peer::height).filter(h -> h > 0).sorted().toArray();
    if (heights.length == 0) {
      return OptionalLong.empty();
    }
    int mid = heights.length / 2;
    return OptionalLong.of(
        heights.length % 2 == 1 ? heights[mid] : (heights[mid - 1] + heights[mid]) / 2);
  }

  /**
   * ARK's {@code checkNetworkHealth} (spec §3.6): re-ping every peer with full verification; group
   * the forked ones by their highest common height; for the highest such height H where the forked
   * peers outnumber the peers agreeing above H (+1), roll back to H. Where they are exactly as many
   * (an even split, counting us: two forgers alone are one forked peer against none), ARK rolls
   * back nowhere and both sides stay on their forks; here {@link ForkTieBreak} decides between the
   * two branches' first blocks, which both sides see alike, so exactly one side rolls back to H.
   * Completes with the number of blocks to remove (0 when the network agrees with us).
   */
  public CompletableFuture<Integer> forkCheck(long ourHeight) {
    List<CompletableFuture<Optional<PeerCheck>>> checks = new ArrayList<>();
    for (Peer peer : table.all()) {
      checks.add(acceptance.refresh(peer, PeerVerifier.Mode.FULL, PeerClient.STATUS_TIMEOUT));
    }
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<PeerCheck> verified = new ArrayList<>();
              for (CompletableFuture<Optional<PeerCheck>> check : checks) {
                check.join().ifPresent(verified::add);
              }
              return rollbackFor(ourHeight, verified);
            });
  }

  static int rollbackFor(long ourHeight, List<PeerCheck> verified) {
    Map<Long, List<PeerCheck>> forkedAt = new TreeMap<>(Collections.reverseOrder());
    for (PeerCheck check : verified) {
      if (check.forked()) {
        forkedAt.computeIfAbsent(check.highestCommonHeight(), h -> new ArrayList<>()).add(check);
      }
    }
    for (Map.Entry<Long, List<PeerCheck>> fork : forkedAt.entrySet()) {
      long height = fork.getKey();
      int forked = fork.getValue().size();
      long agreeingAbove = verified.stream().filter(c -> c.highestCommonHeight() > height).count();
      if (forked > agreeingAbove + 1) {
        return (int) Math.min(MAX_ROLLBACK, ourHeight - height);
      }
      if (forked == agreeingAbove + 1 && theirBranchWins(height, fork.getValue())) {
        return (int) Math.min(MAX_ROLLBACK, ourHeight - height);
      }
    }
    return 0;
  }

  /** An even split at {@code height}: the tie-break, when all forked peers hold one branch. */
  private static boolean theirBranchWins(long height, List<PeerCheck> forked) {
    BranchStart ours = forked.get(0).ourBranch();
    BranchStart theirs = forked.get(0).theirBranch();
    if (ours == null || theirs == null) {
      return false;
    }
    for (PeerCheck check : forked) {
      if (!theirs.equals(check.theirBranch()) || !ours.equals(check.ourBranch())) {
        return false; // more than two branches: no pairwise tie to break
      }
    }
    boolean theirsWins = ForkTieBreak.theirsWins(ours, theirs);
    LOG.info(
        "even split at height {}: {} peer(s) on branch {} (timestamp {}) against our {} (timestamp"
            + " {}): {}",
        height + 1,
        forked.size(),
        theirs.id(),
        theirs.timestamp(),
        ours.id(),
        ours.timestamp(),
        theirsWins ? "theirs wins the tie-break, ours is rolled back" : "ours wins the tie-break");
    return theirsWins;
  }
}
