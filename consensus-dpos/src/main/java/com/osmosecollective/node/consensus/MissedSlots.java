package com.osmosecollective.node.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Missed slots and missed rounds (ARK {@code round-state.ts detectMissedBlocks} and {@code
 * detectMissedRound}). They carry no penalty in state; the chain only reports them and counts them
 * to decide when to check for a fork.
 */
public final class MissedSlots {
  private final Slots slots;

  public MissedSlots(Slots slots) {
    this.slots = slots;
  }

  /** One empty slot and the delegate that owned it. */
  public record MissedSlot<T>(long slotNumber, T delegate) {}

  /**
   * The empty slots between the last block and a new one, at most one per delegate. Like ARK the
   * owner is {@code order[slot % size]}, without the offset of a delegate-count change, and nothing
   * is reported right after the genesis block.
   */
  public <T> List<MissedSlot<T>> between(
      long lastHeight,
      long lastTimestamp,
      long newTimestamp,
      List<T> forgingOrder,
      BlockTimestampLookup lookup) {
    if (lastHeight == 1 || forgingOrder.isEmpty()) {
      return List.of();
    }
    long lastSlot = slots.slotNumber(lastTimestamp, lastHeight, lookup);
    long newSlot = slots.slotNumber(newTimestamp, lastHeight, lookup);
    long missed = Math.min(newSlot - lastSlot - 1, forgingOrder.size());
    List<MissedSlot<T>> result = new ArrayList<>();
    for (long i = 0; i < missed; i++) {
      long slot = lastSlot + i + 1;
      int owner = Math.toIntExact(Math.floorMod(slot, (long) forgingOrder.size()));
      result.add(new MissedSlot<>(slot, forgingOrder.get(owner)));
    }
    return List.copyOf(result);
  }

  /** The round's delegates that produced no block in it, in forging order. */
  public static <T> List<T> missedRound(
      List<T> forgingOrder, Function<T, String> publicKey, Collection<String> generatorPublicKeys) {
    Set<String> producers = Set.copyOf(generatorPublicKeys);
    return forgingOrder.stream().filter(d -> !producers.contains(publicKey.apply(d))).toList();
  }
}
