package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;

/**
 * The two block id rules of spec §5.4: legacy ids are the first 8 bytes of the header hash read as
 * an unsigned little-endian integer in decimal; full ids are the whole hash in hex.
 */
public final class BlockIds {
  private BlockIds() {}

  /** The id of a header hash under the given rule. */
  public static String fromHash(byte[] sha256, boolean fullSha256) {
    if (fullSha256) {
      return Hex.encode(sha256);
    }
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (sha256[i] & 0xffL);
    }
    return Long.toUnsignedString(value);
  }

  /** ARK's {@code idHex}: 16 hex digits for a legacy id, the id itself for a full one. */
  public static String toHex(String id) {
    if (id.length() == 64) {
      return id;
    }
    return String.format("%016x", Long.parseUnsignedLong(id));
  }

  public static boolean isLegacy(String id) {
    return id.length() <= 20 && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The bytes of a previousBlock field: 8 big-endian bytes for a legacy id, 32 for a full one. */
  public static byte[] toPreviousBlockField(String id, boolean fullSha256) throws DecodeException {
    if (fullSha256) {
      if (id == null) {
        return new byte[32];
      }
      if (!Hex.isHex(id, 64)) {
        throw new DecodeException("previousBlock must be a 64-hex id at this height");
      }
      return Hex.decode(id);
    }
    byte[] out = new byte[8];
    if (id == null) {
      return out;
    }
    long value = parseLegacy(id);
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** Parses a legacy decimal id (1 to 20 digits, below 2^64). */
  public static long parseLegacy(String id) throws DecodeException {
    if (id == null || id.isEmpty() || !isLegacy(id)) {
      throw new DecodeException("legacy block id must be 1 to 20 decimal digits");
    }
    try {
      return Long.parseUnsignedLong(id);
    } catch (NumberFormatException e) {
      throw new DecodeException("legacy block id exceeds 2^64-1");
    }
  }

  /** Whether {@code id} has the shape of the rule in force. */
  public static boolean hasShape(String id, boolean fullSha256) {
    if (id == null) {
      return false;
    }
    if (fullSha256) {
      return id.length() == 64
          && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
    if (!isLegacy(id)) {
      return false;
    }
    try {
      Long.parseUnsignedLong(id);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
