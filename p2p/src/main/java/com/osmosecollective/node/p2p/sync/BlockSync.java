package com.osmosecollective.node.p2p.sync;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.BlockStatus;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ReplayResult;
import com.osmosecollective.node.consensus.chain.ReplayVerification;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.peer.NetworkMonitor;
import com.osmosecollective.node.p2p.peer.Peer;
import com.osmosecollective.node.p2p.peer.PeerAcceptance;
import com.osmosecollective.node.p2p.peer.PeerClient;
import com.osmosecollective.node.p2p.peer.PeerTable;
import com.osmosecollective.node.p2p.peer.PeerVerifier;
import com.osmosecollective.node.p2p.peer.Reputation;
import com.osmosecollective.node.p2p.peer.WireBlockReader;
import com.osmosecollective.node.p2p.transport.Violation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches up with the network (spec §7.8): chunks of up to 400 blocks are asked from the peers
 * ahead of us, several in flight at once and spread over the peers, then decoded and applied in
 * order through {@link Chain#replay} (signatures verified in parallel, the chain thread applying).
 * Memory stays bounded whatever peers send: at most {@code parallelChunks} raw answers (each under
 * the transport's frame cap) plus the chain's verification window of decoded blocks. Every round
 * starts from our committed tip, so a refused block resets the download cursor (SV-001); the peer
 * that sent an invalid block is a violator; a peer whose blocks do not continue our chain sends us
 * to the network's fork check (§3.6).
 */
public final class BlockSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlockSync.class);
  private static final Duration FORK_CHECK_GAP = Duration.ofSeconds(10);
  private static final int FIRST_CHUNK_BLOCKS = 25;

  private final Network network;
  private final Chain chain;
  private final PeerTable table;
  private final PeerClient client;
  private final PeerAcceptance acceptance;
  private final WireBlockReader reader;
  private final Reputation reputation;
  private final NetworkMonitor monitor;
  private final NetworkTime time;
  private final SyncSettings settings;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running;
  private volatile boolean downloading;
  private long lastRefreshNanos;
  private long lastForkCheckNanos = System.nanoTime() - FORK_CHECK_GAP.toNanos();
  private long progressAt;
  private long progressHeight;

  public BlockSync(
      Network network,
      Chain chain,
      PeerTable table,
      PeerClient client,
      PeerAcceptance acceptance,
      WireBlockReader reader,
      Reputation reputation,
      NetworkMonitor monitor,
      NetworkTime time,
      SyncSettings settings) {
    this.network = network;
    this.chain = chain;
    this.table = table;
    this.client = client;
    this.acceptance = acceptance;
    this.reader = reader;
    this.reputation = reputation;
    this.monitor = monitor;
    this.time = time;
    this.settings = settings;
    this.thread = new Thread(this::loop, "p2p-sync");
    thread.setDaemon(true);
  }

  public void start() {
    running = true;
    thread.start();
  }

  /** Look at the network now (a higher block arrived, the forger asked, a peer was added). */
  public void wakeUp() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /**
   * Whether we are catching up: a peer is ahead and our tip is at least three blocktimes old (ARK's
   * "synced" rule), or a download is running.
   */
  public boolean syncing() {
    if (downloading) {
      return true;
    }
    Block tip = chain.snapshot().lastBlock();
    long blocktime = network.milestones().at(tip.height()).blocktime();
    return bestPeerHeight() > tip.height() && time.now() - tip.timestamp() >= 3 * blocktime;
  }

  private long bestPeerHeight() {
    return table.all().stream().mapToLong(Peer::height).max().orElse(0);
  }

  private void loop() {
    while (running) {
      try {
        wake.tryAcquire(settings.idleTick().toMillis(), TimeUnit.MILLISECONDS);
        if (!running) {
          return;
        }
        refreshHeights();
        long ours = chain.snapshot().height();
        if (bestPeerHeight() > ours) {
          if (sources(ours).isEmpty()) {
            // every peer ahead of us is on another chain: ask the network who is forked
            forkCheck();
          } else {
            download();
          }
        } else if (noMajorityForUs(ours)) {
          // nobody is ahead, but at least as many peers are on other chains as on ours (two
          // forgers alone on two forks): the fork check's tie-break may say that we give way
          forkCheck();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("sync round failed: {}", e.toString());
      }
    }
  }

  /** Re-pings the peers (fast) when their heights are older than one idle tick. */
  private void refreshHeights() throws InterruptedException {
    if (System.nanoTime() - lastRefreshNanos < settings.idleTick().toNanos()) {
      return;
    }
    lastRefreshNanos = System.nanoTime();
    List<CompletableFuture<?>> pings = new ArrayList<>();
    for (Peer peer : table.all()) {
      pings.add(acceptance.refresh(peer, PeerVerifier.Mode.FAST, PeerClient.STATUS_TIMEOUT));
    }
    try {
      CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new))
          .get(PeerClient.STATUS_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // peers that did not answer keep their last height or were forgotten
    }
  }

  private record Chunk(
      Peer peer, long after, int limit, CompletableFuture<List<DownloadedBlock>> answer) {}

  /** One download round from our tip; returns when caught up, stuck or refused. */
  private void download() throws InterruptedException {
    downloading = true;
    progressAt = System.nanoTime();
    progressHeight = chain.snapshot().height();
    try {
      Deque<Chunk> inFlight = new ArrayDeque<>();
      long next = chain.snapshot().height();
      int turn = 0;
      while (running) {
        List<Peer> sources = sources(next);
        while (inFlight.size() < settings.parallelChunks() && !sources.isEmpty()) {
          Peer peer = sources.get(turn++ % sources.size());
          if (peer.height() <= next) {
            break;
          }
          // the round's first chunk is small, so applying starts while the full ones download
          int limit =
              inFlight.isEmpty() && next == chain.snapshot().height()
                  ? Math.min(FIRST_CHUNK_BLOCKS, settings.chunkBlocks())
                  : settings.chunkBlocks();
          inFlight.add(
              new Chunk(peer, next, limit, client.getBlocks(peer.key(), next, limit, false)));
          next += limit;
          sources = sources(next);
        }
        Chunk chunk = inFlight.poll();
        if (chunk == null) {
          return;
        }
        List<DownloadedBlock> blocks = await(chunk);
        boolean whole = blocks != null && blocks.size() == chunk.limit();
        if (blocks == null || blocks.isEmpty() || !apply(chunk, blocks) || !whole) {
          // a refused, short or failed chunk: the ones after it no longer line up
          inFlight.forEach(c -> c.answer().cancel(true));
          return;
        }
        progress();
      }
    } finally {
      downloading = false;
    }
  }

  /**
   * From the last pings: peers not ahead of us whose tip we do not hold (surely on another chain)
   * are at least one more than the peers whose tip we hold. A majority on our chain never asks.
   */
  private boolean noMajorityForUs(long height) {
    int forked = 0;
    int agreeing = 0;
    for (Peer peer : table.all()) {
      Boolean fastForked = peer.fastForked();
      if (fastForked == null || peer.height() <= 0) {
        continue;
      }
      if (!fastForked) {
        agreeing++;
      } else if (peer.height() <= height) {
        forked++;
      }
    }
    return forked > 0 && forked >= agreeing + 1;
  }

  /** Peers ahead of {@code height} and not on another fork, fastest first, then shuffled ties. */
  private List<Peer> sources(long height) {
    List<Peer> out = new ArrayList<>();
    for (Peer peer : table.all()) {
      if (peer.height() > height && !peer.forked() && !reputation.isBanned(peer.key().ip())) {
        out.add(peer);
      }
    }
    Collections.shuffle(out);
    out.sort(Comparator.comparingLong(Peer::latencyMillis));
    return out;
  }

  private List<DownloadedBlock> await(Chunk chunk) throws InterruptedException {
    try {
      List<DownloadedBlock> blocks =
          chunk.answer().get(PeerClient.BLOCKS_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      chunk.peer().succeeded();
      return blocks;
    } catch (ExecutionException | TimeoutException e) {
      if (chunk.peer().failed() >= 3) {
        table.remove(chunk.peer().key());
      }
      LOG.debug("getBlocks after {} from {} failed: {}", chunk.after(), chunk.peer(), e.toString());
      return null;
    } catch (java.util.concurrent.CancellationException e) {
      return null;
    }
  }

  /** Applies a chunk; false when it was refused (and why is handled). */
  private boolean apply(Chunk chunk, List<DownloadedBlock> blocks) {
    Block tip = chain.snapshot().lastBlock();
    DownloadedBlock first = blocks.get(0);
    if (first.header().height() != tip.height() + 1) {
      // our tip moved meanwhile (a posted block): not the peer's fault
      return false;
    }
    if (!tip.id().equals(first.header().previousBlock())) {
      LOG.info(
          "peer {} has block {} on another parent than our tip {}: checking for a fork",
          chunk.peer(),
          first.header().height(),
          tip.id());
      chunk.peer().forked(true);
      forkCheck();
      return false;
    }
    Decoding decoding = new Decoding(blocks);
    ReplayResult result = chain.replay(decoding, ReplayVerification.FULL);
    if (decoding.error != null) {
      reputation.record(
          chunk.peer().key().ip(),
          Violation.DECODING,
          chunk.peer() + " sent an undecodable block: " + decoding.error.getMessage());
      table.remove(chunk.peer().key());
      return false;
    }
    if (!result.complete()) {
      if (result.outcome().status() == BlockStatus.REJECTED
          && result.outcome().reason().startsWith("verification failed")) {
        reputation.record(
            chunk.peer().key().ip(),
            Violation.INVALID_BLOCK,
            chunk.peer() + " sent an invalid block: " + result.outcome().reason());
        table.remove(chunk.peer().key());
      } else {
        LOG.info("sync from {} stopped: {}", chunk.peer(), result.outcome().reason());
      }
      return false;
    }
    return true;
  }

  /** The network's fork check, at most every few seconds; reverts what the network says. */
  private void forkCheck() {
    if (System.nanoTime() - lastForkCheckNanos < FORK_CHECK_GAP.toNanos()) {
      return;
    }
    lastForkCheckNanos = System.nanoTime();
    long height = chain.snapshot().height();
    int rollback = monitor.forkCheck(height).join();
    if (rollback > 0) {
      LOG.warn("fork detected by the peers: rolling back {} block(s) from {}", rollback, height);
      int removed = chain.revert(rollback).join();
      LOG.warn("fork recovery removed {} block(s); tip now {}", removed, chain.snapshot().height());
      // the peers' verdicts were taken against the old tip
      table.all().forEach(p -> p.forked(false));
      wakeUp();
    }
  }

  private void progress() {
    long now = System.nanoTime();
    if (now - progressAt < settings.progressInterval().toNanos()) {
      return;
    }
    long height = chain.snapshot().height();
    double seconds = (now - progressAt) / 1e9;
    double rate = (height - progressHeight) / seconds;
    long target = Math.max(bestPeerHeight(), monitor.networkHeight().orElse(height));
    long eta = rate > 0 ? (long) ((target - height) / rate) : -1;
    LOG.info(
        "sync: height {} / network {}, {} blocks/s, ETA {}",
        height,
        target,
        String.format("%.0f", rate),
        eta < 0 ? "unknown" : eta + " s");
    progressAt = now;
    progressHeight = height;
  }

  /** Decodes the downloaded blocks one by one as the chain asks; stops at the first bad one. */
  private final class Decoding implements Iterable<Block> {
    private final List<DownloadedBlock> blocks;
    private DecodeException error;

    Decoding(List<DownloadedBlock> blocks) {
      this.blocks = blocks;
    }

    @Override
    public Iterator<Block> iterator() {
      return new Iterator<>() {
        private int index;
        private Block next;

        @Override
        public boolean hasNext() {
          if (next != null) {
            return true;
          }
          if (error != null || index >= blocks.size()) {
            return false;
          }
          try {
            next = reader.block(blocks.get(index));
            blocks.set(index, null);
            index++;
            return true;
          } catch (DecodeException e) {
            error = e;
            return false;
          }
        }

        @Override
        public Block next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Block out = next;
          next = null;
          return out;
        }
      };
    }
  }

  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
