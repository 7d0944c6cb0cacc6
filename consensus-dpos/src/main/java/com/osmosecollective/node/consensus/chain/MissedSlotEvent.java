package com.osmosecollective.node.consensus.chain;

/**
 * A slot left empty before an applied block (ARK's {@code forger.missing} event).
 *
 * @param slotNumber the empty slot
 * @param publicKey the delegate the slot belonged to
 * @param username that delegate's name ("?" if unknown)
 */
public record MissedSlotEvent(long slotNumber, String publicKey, String username) {}
