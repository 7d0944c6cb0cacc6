package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.DecodeException;

/** Encodes and decodes the values of one column family. */
public interface ValueCodec<V> {
  byte[] encode(V value);

  /** Decodes stored bytes; malformed bytes end in a {@link DecodeException}, nothing else. */
  V decode(byte[] bytes) throws DecodeException;
}
