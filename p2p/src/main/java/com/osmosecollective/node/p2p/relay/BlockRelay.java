package com.osmosecollective.node.p2p.relay;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.BlockStatus;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.peer.Peer;
import com.osmosecollective.node.p2p.peer.PeerClient;
import com.osmosecollective.node.p2p.peer.PeerTable;
import com.osmosecollective.node.p2p.peer.Reputation;
import com.osmosecollective.node.p2p.server.Caller;
import com.osmosecollective.node.p2p.server.PostedBlocks;
import com.osmosecollective.node.p2p.transport.Violation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks in and out (spec §3.3, §7.7). In: a posted block equal to the current "ping block" only
 * bumps its counter; one that does not continue our tip is answered {@code status: false} (and
 * wakes the sync when it is ahead); a second block for a slot from the same generator is logged as
 * equivocation evidence and dropped, the first one kept (SV-005); anything else goes to the chain,
 * and a block failing verification makes its sender a violator. Out, driven by the chain's
 * listener: our forger's blocks go to every peer, relayed blocks that we accepted as our tip go
 * once to a share of the peers that shrinks as more copies arrived (SV-066), never back to the peer
 * that sent it. As ARK, a relayed block whose copies were all received within 500 ms is held for
 * the rest of that window and the copies counted again before the share is chosen (spec §7.7); a
 * newer block arriving meanwhile cancels the relay.
 */
public final class BlockRelay implements ChainListener, PostedBlocks {
  private static final Logger LOG = LoggerFactory.getLogger(BlockRelay.class);
  private static final int REMEMBERED = 64;
  private static final int MAX_HOPS = 4;
  private static final long RECOUNT_WINDOW_MILLIS = 500;

  private final Chain chain;
  private final BlockCodec codec;
  private final Slots slots;
  private final PeerTable table;
  private final PeerClient client;
  private final Reputation reputation;
  private final Executor executor;
  private final ScheduledExecutorService delays;
  private final Runnable wakeSync;
  private final Map<String, Posted> posted =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Posted> eldest) {
              return size() > REMEMBERED;
            }
          });
  private volatile PingBlock ping;

  private record Posted(InetAddress from, int fromPort) {}

  /** ARK's "ping block": the last block received, and how many times it was. */
  private record PingBlock(
      String id, long height, AtomicInteger received, long firstNanos, AtomicLong lastNanos) {
    static PingBlock first(Block block) {
      long now = System.nanoTime();
      return new PingBlock(
          block.id(), block.height(), new AtomicInteger(1), now, new AtomicLong(now));
    }

    void receivedAgain() {
      received.incrementAndGet();
      lastNanos.set(System.nanoTime());
    }

    long spreadMillis() {
      return TimeUnit.NANOSECONDS.toMillis(lastNanos.get() - firstNanos);
    }
  }

  public BlockRelay(
      Network network,
      Chain chain,
      PeerTable table,
      PeerClient client,
      Reputation reputation,
      Executor executor,
      ScheduledExecutorService delays,
      Runnable wakeSync) {
    this.chain = chain;
    this.codec = new BlockCodec(network);
    this.slots = new Slots(network.milestones());
    this.table = table;
    this.client = client;
    this.reputation = reputation;
    this.executor = executor;
    this.delays = delays;
    this.wakeSync = wakeSync;
  }

  @Override
  public PostBlockResponse posted(Block block, Caller caller, Headers headers) {
    Block tip = chain.snapshot().lastBlock();
    boolean fromForger = caller.isForger(headers);
    PingBlock current = ping;
    if (!fromForger
        && current != null
        && current.id().equals(block.id())
        && current.height() == block.height()) {
      current.receivedAgain();
      return new PostBlockResponse(true, tip.height());
    }
    if (block.height() == tip.height() && !block.id().equals(tip.id()) && equivocates(block, tip)) {
      LOG.warn(
          "equivocation: delegate {} signed blocks {} and {} for slot {} at height {}; keeping the"
              + " first (SV-005)",
          block.header().generatorPublicKeyHex(),
          tip.id(),
          block.id(),
          slotOf(block),
          block.height());
      return new PostBlockResponse(false, tip.height());
    }
    boolean chained = tip.id().equals(block.previousBlock()) && block.height() == tip.height() + 1;
    if (!fromForger && !chained) {
      if (block.height() > tip.height()) {
        wakeSync.run();
      }
      return new PostBlockResponse(false, tip.height());
    }
    ping = PingBlock.first(block);
    posted.put(
        block.id(),
        new Posted(caller.ip(), headers == null || headers.port() == null ? -1 : headers.port()));
    InetAddress from = caller.ip();
    var unused =
        (fromForger ? chain.submitForged(block) : chain.submit(block))
            .whenComplete((outcome, error) -> outcome(block, from, outcome, error));
    return new PostBlockResponse(true, tip.height());
  }

  private void outcome(Block block, InetAddress from, BlockOutcome outcome, Throwable error) {
    if (error != null) {
      LOG.warn("posted block {} failed: {}", block.height(), error.toString());
      return;
    }
    if (outcome.status() == BlockStatus.REJECTED
        && outcome.reason().startsWith("verification failed")) {
      reputation.record(
          from,
          Violation.INVALID_BLOCK,
          "posted block " + block.height() + ": " + outcome.reason());
    } else if (outcome.status() == BlockStatus.ROLLBACK) {
      wakeSync.run();
    } else if (!outcome.isAccepted()) {
      LOG.debug("posted block {} {}: {}", block.height(), outcome.status(), outcome.reason());
    }
  }

  private boolean equivocates(Block block, Block tip) {
    return block.header().generatorPublicKeyHex().equals(tip.header().generatorPublicKeyHex())
        && slotOf(block) == slotOf(tip);
  }

  private long slotOf(Block block) {
    return slots.slotNumber(block.timestamp(), block.height() - 1, chain.timestampLookup());
  }

  /** On the chain thread: choose what to send, then send from the relay's executor. */
  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    Posted from = posted.remove(block.id());
    if (!info.forgedLocally() && from == null) {
      return; // synced blocks are not relayed (ARK relays only in its newBlock state)
    }
    PingBlock current = ping;
    boolean isPing = current != null && current.id().equals(block.id());
    int received = isPing ? current.received().get() : 1;
    long spread = isPing ? current.spreadMillis() : RECOUNT_WINDOW_MILLIS;
    if (!info.forgedLocally() && spread < RECOUNT_WINDOW_MILLIS && received < MAX_HOPS) {
      // ARK: copies of a fresh block are still arriving; count them for the rest of the window
      var unused =
          delays.schedule(
              () -> executor.execute(() -> recountAndBroadcast(block, from)),
              RECOUNT_WINDOW_MILLIS - spread,
              TimeUnit.MILLISECONDS);
      return;
    }
    executor.execute(() -> broadcast(block, info.forgedLocally(), received, from));
  }

  /** After the recount window: relays with the copies counted since, unless a newer block came. */
  private void recountAndBroadcast(Block block, Posted from) {
    PingBlock now = ping;
    if (now != null && now.height() != block.height()) {
      return;
    }
    int received = now != null && now.id().equals(block.id()) ? now.received().get() : 1;
    broadcast(block, false, received, from);
  }

  private void broadcast(Block block, boolean forged, int received, Posted from) {
    byte[] bytes;
    try {
      bytes = codec.serialize(block);
    } catch (DecodeException e) {
      LOG.warn("cannot serialize block {} for broadcast: {}", block.height(), e.getMessage());
      return;
    }
    List<Peer> peers = new ArrayList<>(table.all());
    if (from != null) {
      peers.removeIf(p -> p.key().ip().equals(from.from()) && isSender(p, from));
    }
    Collections.shuffle(peers);
    int count = peers.size();
    if (!forged) {
      // ARK: quota = (4 - times received) / 4 of the peers, none once received 4 times
      double quota = (MAX_HOPS - (double) received) / MAX_HOPS;
      count = quota <= 0 ? 0 : (int) Math.ceil(quota * peers.size());
    }
    for (Peer peer : peers.subList(0, Math.min(count, peers.size()))) {
      client
          .postBlock(peer.key(), bytes)
          .thenAccept(answer -> peer.heightHint(answer.height()))
          .exceptionally(
              error -> {
                LOG.debug("postBlock {} to {} failed: {}", block.height(), peer, error.toString());
                return null;
              });
    }
  }

  private static boolean isSender(Peer peer, Posted from) {
    return from.fromPort() < 0 || peer.key().port() == from.fromPort();
  }
}
