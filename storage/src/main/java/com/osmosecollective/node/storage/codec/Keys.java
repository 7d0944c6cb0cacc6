package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Key layouts of all column families. Numbers are big-endian (bytewise order = numeric order);
 * variable-length parts (addresses, usernames) carry a one-byte length first so that one address's
 * entries form a contiguous prefix that no longer address can share.
 */
public final class Keys {
  public static final int HEIGHT_BYTES = 8;
  public static final int POSITION_BYTES = 4;
  private static final int MAX_VARIABLE = 0xff;

  private Keys() {}

  /** A fluent big-endian key writer of a known maximum size. */
  public static final class Builder {
    private final byte[] buffer;
    private int size;

    public Builder(int capacity) {
      buffer = new byte[capacity];
    }

    public Builder u8(int value) {
      buffer[size++] = (byte) value;
      return this;
    }

    public Builder u16(int value) {
      buffer[size++] = (byte) (value >>> 8);
      buffer[size++] = (byte) value;
      return this;
    }

    public Builder u32(long value) {
      for (int i = 3; i >= 0; i--) {
        buffer[size++] = (byte) (value >>> (8 * i));
      }
      return this;
    }

    public Builder u64(long value) {
      for (int i = 7; i >= 0; i--) {
        buffer[size++] = (byte) (value >>> (8 * i));
      }
      return this;
    }

    public Builder bytes(byte[] value) {
      System.arraycopy(value, 0, buffer, size, value.length);
      size += value.length;
      return this;
    }

    /** A one-byte length, then the bytes. */
    public Builder variable(byte[] value) {
      return u8(value.length).bytes(value);
    }

    public byte[] build() {
      return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
  }

  public static byte[] height(long height) {
    return new Builder(HEIGHT_BYTES).u64(height).build();
  }

  public static long readU64(byte[] key, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (key[offset + i] & 0xffL);
    }
    return v;
  }

  public static long readU32(byte[] key, int offset) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (key[offset + i] & 0xffL);
    }
    return v;
  }

  public static long decodeHeight(byte[] key) throws DecodeException {
    if (key.length != HEIGHT_BYTES) {
      throw new DecodeException("height key must be 8 bytes, got " + key.length);
    }
    return readU64(key, 0);
  }

  public static byte[] heightPosition(long height, int position) {
    return new Builder(HEIGHT_BYTES + POSITION_BYTES).u64(height).u32(position).build();
  }

  /** The part of every per-address index key before the height. */
  public static byte[] addressPrefix(String address) {
    return new Builder(1 + MAX_VARIABLE).variable(ascii(address, "address")).build();
  }

  public static byte[] prefixHeightPosition(byte[] prefix, long height, int position) {
    return new Builder(prefix.length + HEIGHT_BYTES + POSITION_BYTES)
        .bytes(prefix)
        .u64(height)
        .u32(position)
        .build();
  }

  public static byte[] prefixHeight(byte[] prefix, long height) {
    return new Builder(prefix.length + HEIGHT_BYTES).bytes(prefix).u64(height).build();
  }

  public static byte[] txId(String id) {
    return Fields.hexBytes(id, Fields.HASH_BYTES, "transaction id");
  }

  public static byte[] publicKey(String hex) {
    return Fields.hexBytes(hex, Fields.PUBLIC_KEY_BYTES, "public key");
  }

  public static byte[] typePrefix(int typeGroup, int type) {
    return new Builder(6).u32(typeGroup).u16(type).build();
  }

  /** Modern ids (64 hex) as their 32 bytes behind tag 1; legacy decimal ids as ASCII behind 0. */
  public static byte[] blockId(String id) {
    if (Fields.isLowerHex(id, 64)) {
      return new Builder(33).u8(1).bytes(Fields.hexBytes(id, 32, "block id")).build();
    }
    byte[] ascii = ascii(id, "block id");
    return new Builder(1 + ascii.length).u8(0).bytes(ascii).build();
  }

  public static byte[] address(String address) {
    return ascii(address, "address");
  }

  public static byte[] username(String username) {
    byte[] bytes = username.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_VARIABLE) {
      throw new IllegalArgumentException("username longer than 255 bytes");
    }
    return bytes;
  }

  public static byte[] ipfsHash(String hash) {
    byte[] bytes = hash.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > MAX_VARIABLE) {
      throw new IllegalArgumentException("ipfs hash must be 1..255 bytes");
    }
    return bytes;
  }

  public static byte[] meta(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A delegate's ranking key: status (0 active, 1 resigned), then the vote balance inverted so a
   * forward scan yields the highest balance first, then the public key breaking ties ascending.
   */
  public static byte[] ranking(boolean resigned, long voteBalance, String publicKey) {
    long inverted = Long.MAX_VALUE - Math.max(0, voteBalance);
    return new Builder(1 + 8 + Fields.PUBLIC_KEY_BYTES)
        .u8(resigned ? 1 : 0)
        .u64(inverted)
        .bytes(publicKey(publicKey))
        .build();
  }

  /** The voters index key: delegate public key, then the voter's length-prefixed address. */
  public static byte[] voter(String delegatePublicKey, String voterAddress) {
    return new Builder(Fields.PUBLIC_KEY_BYTES + 1 + MAX_VARIABLE)
        .bytes(publicKey(delegatePublicKey))
        .variable(ascii(voterAddress, "address"))
        .build();
  }

  /**
   * The vote-weight index key: delegate public key, height, then the voter's length-prefixed
   * address, so one delegate's history is a contiguous prefix in height order.
   */
  public static byte[] voteWeight(String delegatePublicKey, long height, String voterAddress) {
    return new Builder(Fields.PUBLIC_KEY_BYTES + HEIGHT_BYTES + 1 + MAX_VARIABLE)
        .bytes(publicKey(delegatePublicKey))
        .u64(height)
        .variable(ascii(voterAddress, "address"))
        .build();
  }

  /** Reads the trailing height and position of an index key. */
  public static long heightOfIndexKey(byte[] key) {
    return readU64(key, key.length - HEIGHT_BYTES - POSITION_BYTES);
  }

  public static int positionOfIndexKey(byte[] key) {
    return (int) readU32(key, key.length - POSITION_BYTES);
  }

  private static byte[] ascii(String value, String what) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length == 0 || bytes.length > MAX_VARIABLE) {
      throw new IllegalArgumentException(what + " must be 1..255 ASCII chars: " + value);
    }
    return bytes;
  }

  /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }
}
