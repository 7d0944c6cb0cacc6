package com.osmosecollective.node.p2p.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of large inbound WebSocket frames held at once across every peer socket, inbound and
 * outbound. A frame is charged its announced length when its header arrives, before the WebSocket
 * decoder buffers its payload, and released once the whole frame has gone through the pipeline
 * (decoded and handed on, or dropped with its socket). Frames up to {@link #UNCHARGED_FRAME_BYTES}
 * are not charged: the connection caps bound them (at most a few hundred sockets of 100 KiB).
 *
 * <p>Frames a peer sends unasked (requests on inbound sockets, SV-059's 20 MiB frames) get only
 * what is left of the budget and are refused beyond it. Answers to our own getBlocks requests are
 * always admitted and counted: their number is bounded by our own requests (the sync's chunks in
 * flight), so honest sync never waits on a flood, and the flood gets less room while we sync.
 */
public final class InboundByteBudget {
  /** ARK's client default answer size: frames up to it are bounded by the connection caps. */
  public static final int UNCHARGED_FRAME_BYTES = 100 * 1024;

  private final long capacity;
  private final AtomicLong inUse = new AtomicLong();

  public InboundByteBudget(long capacity) {
    if (capacity < UNCHARGED_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "inbound byte budget below " + UNCHARGED_FRAME_BYTES + " bytes: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Charges an unasked frame of {@code bytes} if it fits in what is left; false when refused. */
  public boolean tryCharge(long bytes) {
    while (true) {
      long used = inUse.get();
      if (used + bytes > capacity) {
        return false;
      }
      if (inUse.compareAndSet(used, used + bytes)) {
        return true;
      }
    }
  }

  /** Charges an answer we asked for: always admitted, and counted against the unasked ones. */
  public void chargeSolicited(long bytes) {
    inUse.addAndGet(bytes);
  }

  public void release(long bytes) {
    inUse.addAndGet(-bytes);
  }

  /** Bytes of large frames held now (metrics and tests). */
  public long inUse() {
    return inUse.get();
  }

  public long capacity() {
    return capacity;
  }
}
