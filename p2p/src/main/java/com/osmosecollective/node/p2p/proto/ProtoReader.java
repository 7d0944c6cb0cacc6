package com.osmosecollective.node.p2p.proto;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads proto3 wire format from a byte slice. Every length is checked against the bytes left in the
 * slice (and a caller's cap) before anything is copied; groups, over-long varints and truncation
 * are {@link DecodeException}s. Unknown fields are skipped with {@link #skip(int)}, as proto3
 * requires.
 */
public final class ProtoReader {
  public static final int WIRE_VARINT = 0;
  public static final int WIRE_FIXED64 = 1;
  public static final int WIRE_LENGTH_DELIMITED = 2;
  public static final int WIRE_FIXED32 = 5;

  private final byte[] data;
  private final int end;
  private int position;
  private int lastWireType = -1;

  public ProtoReader(byte[] data) {
    this(data, 0, data.length);
  }

  private ProtoReader(byte[] data, int offset, int length) {
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  /** The next field's number; its wire type is checked by the typed reads that follow. */
  public int nextField() throws DecodeException {
    long key = varint("field key");
    int field = (int) (key >>> 3);
    int wireType = (int) (key & 7);
    if (key >>> 3 > 0x1fff_ffffL || field == 0) {
      throw new DecodeException("invalid protobuf field number " + (key >>> 3));
    }
    if (wireType != WIRE_VARINT
        && wireType != WIRE_FIXED64
        && wireType != WIRE_LENGTH_DELIMITED
        && wireType != WIRE_FIXED32) {
      throw new DecodeException(
          "unsupported protobuf wire type " + wireType + " (field " + field + ")");
    }
    lastWireType = wireType;
    return field;
  }

  /** Skips the value of the field just read by {@link #nextField()}. */
  public void skip(int field) throws DecodeException {
    switch (lastWireType) {
      case WIRE_VARINT -> varint("field " + field);
      case WIRE_FIXED64 -> advance(8, "field " + field);
      case WIRE_FIXED32 -> advance(4, "field " + field);
      case WIRE_LENGTH_DELIMITED -> advance(length("field " + field), "field " + field);
      default -> throw new IllegalStateException("skip() without nextField()");
    }
  }

  /** A proto3 {@code uint32}: the low 32 bits of the varint, as protobufjs reads it. */
  public long uint32(String what) throws DecodeException {
    expect(WIRE_VARINT, what);
    return varint(what) & 0xffff_ffffL;
  }

  public boolean bool(String what) throws DecodeException {
    expect(WIRE_VARINT, what);
    return varint(what) != 0;
  }

  /** A UTF-8 string of at most {@code maxBytes}; malformed UTF-8 is refused. */
  public String string(int maxBytes, String what) throws DecodeException {
    int length = boundedLength(maxBytes, what);
    try {
      String value =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, position, length))
              .toString();
      position += length;
      return value;
    } catch (CharacterCodingException e) {
      throw new DecodeException(what + " is not valid UTF-8");
    }
  }

  public Bytes bytes(int maxBytes, String what) throws DecodeException {
    int length = boundedLength(maxBytes, what);
    Bytes value = Bytes.of(data, position, length);
    position += length;
    return value;
  }

  /** A reader over an embedded message of at most {@code maxBytes}; this reader moves past it. */
  public ProtoReader message(int maxBytes, String what) throws DecodeException {
    int length = boundedLength(maxBytes, what);
    ProtoReader nested = new ProtoReader(data, position, length);
    position += length;
    return nested;
  }

  private int boundedLength(int maxBytes, String what) throws DecodeException {
    expect(WIRE_LENGTH_DELIMITED, what);
    int length = length(what);
    if (length > maxBytes) {
      throw new DecodeException(what + " of " + length + " bytes exceeds " + maxBytes);
    }
    return length;
  }

  private int length(String what) throws DecodeException {
    long length = varint(what + " length");
    if (length > end - position) {
      throw new DecodeException(
          what + " claims " + length + " bytes, " + (end - position) + " left");
    }
    return (int) length;
  }

  private void expect(int wireType, String what) throws DecodeException {
    if (lastWireType != wireType) {
      throw new DecodeException(what + " has wire type " + lastWireType + ", expected " + wireType);
    }
  }

  private void advance(int count, String what) throws DecodeException {
    if (count > end - position) {
      throw new DecodeException("truncated protobuf: " + what + " needs " + count + " bytes");
    }
    position += count;
  }

  private long varint(String what) throws DecodeException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new DecodeException("truncated protobuf varint in " + what);
      }
      int b = data[position++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new DecodeException("protobuf varint longer than 10 bytes in " + what);
  }
}
