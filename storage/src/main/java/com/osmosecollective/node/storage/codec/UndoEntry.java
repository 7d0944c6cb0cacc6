package com.osmosecollective.node.storage.codec;

/**
 * The state of one key before a block changed it.
 *
 * @param column the column family's {@code code()} in {@code ColumnFamily}
 * @param prior the previous value, or null when the key did not exist
 */
// raw key and prior value of the undo record, never compared
@SuppressWarnings("ArrayRecordComponent")
public record UndoEntry(int column, byte[] key, byte[] prior) {}
