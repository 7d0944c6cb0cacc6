package com.osmosecollective.node.storage;

/**
 * A committed transaction with its place in the chain.
 *
 * @param confirmations tip height − height + 1 at the time of the read
 */
public record StoredTransaction(
    TxData tx, long height, String blockId, long timestamp, long confirmations) {}
