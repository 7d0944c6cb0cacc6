package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.DecodeException;

/**
 * Encodes and decodes the keys of one column family. Numeric key parts are big-endian so that
 * RocksDB's bytewise order is numeric order and range scans run by height.
 */
public interface KeyCodec<K> {
  byte[] encode(K key);

  K decode(byte[] bytes) throws DecodeException;
}
