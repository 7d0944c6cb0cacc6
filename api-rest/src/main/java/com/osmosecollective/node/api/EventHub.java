package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the chain's applied and reverted blocks into ARK's events ({@code block.applied}, {@code
 * transaction.applied}, {@code wallet.vote}, their reverts) and hands them to subscribers (the SSE
 * streams) on its own thread. The chain thread only builds the events and offers them to a bounded
 * queue: when the queue is full the events are dropped and counted, never waited for, so no
 * subscriber can slow the chain.
 */
public final class EventHub implements ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  static final int QUEUE = 10_000;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final BlockingQueue<ChainEvent> queue = new ArrayBlockingQueue<>(QUEUE);
  private final List<Consumer<ChainEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final RawJson raw;
  private Thread dispatcher;
  private volatile boolean closed;

  EventHub(RawJson raw) {
    this.raw = raw;
  }

  /** The dispatcher starts with the first event or subscriber (an idle API starts no thread). */
  private synchronized void start() {
    if (dispatcher == null && !closed) {
      dispatcher = new Thread(this::dispatch, "api-events");
      dispatcher.setDaemon(true);
      dispatcher.start();
    }
  }

  void subscribe(Consumer<ChainEvent> subscriber) {
    start();
    subscribers.add(subscriber);
  }

  void unsubscribe(Consumer<ChainEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  int subscribers() {
    return subscribers.size();
  }

  /** Events the queue had no room for. */
  long dropped() {
    return dropped.get();
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    publish(ChainEvent.BLOCK_APPLIED, blockData(block));
    for (Transaction tx : block.transactions()) {
      publish(ChainEvent.TRANSACTION_APPLIED, raw.pendingTransaction(tx));
      if (tx.asset() instanceof Asset.Vote vote) {
        for (Asset.VoteEntry entry : vote.votes()) {
          ObjectNode data = F.objectNode();
          data.put("delegate", entry.delegatePublicKey().hex());
          data.set("transaction", raw.pendingTransaction(tx));
          publish(entry.add() ? ChainEvent.WALLET_VOTE : ChainEvent.WALLET_UNVOTE, data);
        }
      }
    }
  }

  @Override
  public void blockReverted(Block block) {
    for (Transaction tx : block.transactions()) {
      publish(ChainEvent.TRANSACTION_REVERTED, raw.pendingTransaction(tx));
    }
    publish(ChainEvent.BLOCK_REVERTED, blockData(block));
  }

  /** ARK's block data: the header fields, without the transactions. */
  private static ObjectNode blockData(Block block) {
    ObjectNode data = BlockJson.toJson(block);
    data.remove("transactions");
    return data;
  }

  void publish(String name, com.fasterxml.jackson.databind.JsonNode data) {
    if (closed) {
      return;
    }
    start();
    ChainEvent event = new ChainEvent(sequence.incrementAndGet(), name, data);
    if (!queue.offer(event)) {
      long n = dropped.incrementAndGet();
      if (n % 1000 == 1) {
        LOG.warn("event queue full: {} events dropped so far", n);
      }
    }
  }

  private void dispatch() {
    while (!closed) {
      ChainEvent event;
      try {
        event = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (event == null) {
        continue;
      }
      List<Consumer<ChainEvent>> failed = new java.util.ArrayList<>();
      for (Consumer<ChainEvent> s : subscribers) {
        try {
          s.accept(event);
        } catch (RuntimeException e) {
          LOG.debug("event subscriber failed; removing it", e);
          failed.add(s);
        }
      }
      subscribers.removeAll(failed);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (dispatcher != null) {
      dispatcher.interrupt();
    }
  }
}
