package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.storage.TxData;

/**
 * A value of the {@code txs} column: the transaction and its block's height, id and timestamp (kept
 * here so a page of transactions reads no block records).
 */
public record TxRecord(long height, String blockId, long blockTimestamp, TxData tx) {}
