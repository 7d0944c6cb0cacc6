package com.osmosecollective.node.consensus.forger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step before a delegate signs a block for a slot, shared by the in-process forger and the
 * separate forger process: the slot must come after the last block's, must not have been refused by
 * the network gate already (one question per slot: the network state is costly, every peer is
 * pinged), must not have been signed for before (the fsynced {@link ForgedSlots} record), the gate
 * must allow it, and it is recorded before anything is signed. Confined to the forging thread.
 */
final class SlotClaim {
  private static final Logger LOG = LoggerFactory.getLogger(SlotClaim.class);

  private final ForgedSlots forgedSlots;
  private final NetworkGate gate;

  /** The last slot the network gate refused, or whose record could not be written. */
  private long refusedSlot = -1;

  /** The last slot skipped because a block was already signed for it (logged once per slot). */
  private long alreadySignedSlot = -1;

  SlotClaim(ForgedSlots forgedSlots, NetworkGate gate) {
    this.forgedSlots = forgedSlots;
    this.gate = gate;
  }

  /**
   * Whether {@code turn}'s delegate may sign for {@code slot} now; true only once the slot is
   * recorded.
   *
   * @throws java.io.UncheckedIOException when the record cannot be written (nothing may be signed
   *     for the slot; it is tried again in the next one)
   */
  boolean claim(long slot, long lastBlockSlot, ForgingTurn turn) {
    if (slot <= lastBlockSlot || slot == refusedSlot) {
      return false;
    }
    if (forgedSlots.lastSlot() >= slot) {
      // normal once, right after a restart in a slot we signed for; every slot means the record
      // is ahead of the clock
      if (slot != alreadySignedSlot) {
        alreadySignedSlot = slot;
        LOG.warn(
            "slot {} of delegate {} skipped: a block was already signed for slot {} ({})",
            slot,
            turn.delegatePublicKey(),
            forgedSlots.lastSlot(),
            forgedSlots.location());
      }
      return false;
    }
    if (!gate.allowsForging(turn)) {
      refusedSlot = slot;
      return false;
    }
    try {
      return forgedSlots.claim(slot);
    } catch (java.io.UncheckedIOException e) {
      refusedSlot = slot;
      throw e;
    }
  }
}
