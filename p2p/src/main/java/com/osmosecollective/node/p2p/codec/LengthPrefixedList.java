package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * ARK's packing of several byte strings into one: each entry is a u32 big-endian length then its
 * bytes (postTransactions' {@code transactions}, a getBlocks answer, each downloaded block's
 * transactions). Decoding is stricter than ARK's loop, which silently ignores a trailing fragment:
 * every length must fit the bytes left, empty entries are refused, and so is entry {@code max + 1}.
 */
final class LengthPrefixedList {
  private LengthPrefixedList() {}

  static byte[] encode(List<Bytes> entries) {
    int size = 0;
    for (Bytes entry : entries) {
      size = Math.addExact(size, Math.addExact(4, entry.length()));
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (Bytes entry : entries) {
      out.putInt(entry.length());
      out.put(entry.toArray());
    }
    return out.array();
  }

  static List<Bytes> decode(byte[] packed, int maxEntries, String what) throws DecodeException {
    List<Bytes> entries = new ArrayList<>();
    int position = 0;
    while (position < packed.length) {
      if (entries.size() == maxEntries) {
        throw new DecodeException(what + ": more than " + maxEntries + " entries");
      }
      if (packed.length - position < 4) {
        throw new DecodeException(what + ": truncated length after entry " + entries.size());
      }
      long length = ByteBuffer.wrap(packed, position, 4).getInt() & 0xffff_ffffL;
      position += 4;
      if (length == 0) {
        throw new DecodeException(what + ": entry " + entries.size() + " is empty");
      }
      if (length > packed.length - position) {
        throw new DecodeException(
            what
                + ": entry "
                + entries.size()
                + " claims "
                + length
                + " bytes, "
                + (packed.length - position)
                + " left");
      }
      entries.add(Bytes.of(packed, position, (int) length));
      position += (int) length;
    }
    return entries;
  }
}
