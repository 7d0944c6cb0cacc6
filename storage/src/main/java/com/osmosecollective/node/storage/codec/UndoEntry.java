package com.osmosecollective.node.storage.codec;

/**
 * The state of one key before a block changed it.
 *
 * @param column the column family's {@code ordinal} in {@code ColumnFamily}
 * @param prior the previous value, or null when the key did not exist
 */
public record UndoEntry(int column, byte[] key, byte[] prior) {}
