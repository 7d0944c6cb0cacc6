package com.osmosecollective.node.consensus.netstate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ARK's cold-start flag: a relay started in genesis mode ({@code networkStart}) sets it at every
 * network status update, and the next network state reported consumes it, so that the forger skips
 * that one slot.
 */
public final class ColdStart {
  private final AtomicBoolean pending = new AtomicBoolean();

  /** Called by P2P's network status update when the node runs in genesis mode. */
  public void arm() {
    pending.set(true);
  }

  /** True once after each {@link #arm()}. */
  public boolean consume() {
    return pending.getAndSet(false);
  }
}
