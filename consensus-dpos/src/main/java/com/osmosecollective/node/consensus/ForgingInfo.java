package com.osmosecollective.node.consensus;

/**
 * Who forges now and next (ARK's {@code ForgingInfo}).
 *
 * @param currentForger index into the round's forging order for the current slot
 * @param nextForger index for the following slot
 * @param blockTimestamp the timestamp a block forged now carries: the start of the current slot
 * @param canForge whether the current time is still inside the slot's forging window
 */
public record ForgingInfo(
    int currentForger, int nextForger, long blockTimestamp, boolean canForge) {}
