package com.osmosecollective.node.consensus;

/**
 * Where an epoch time falls in the slot sequence (ARK's {@code SlotInfo}).
 *
 * @param startTime first second of the slot
 * @param endTime last second of the slot
 * @param blockTime slot length in seconds
 * @param slotNumber the slot counted from the epoch across all blocktime spans
 * @param forgingAllowed whether the time lies in the first half of the slot
 */
public record SlotInfo(
    long startTime, long endTime, int blockTime, long slotNumber, boolean forgingAllowed) {}
