package com.osmosecollective.node.p2p.proto;

import com.osmosecollective.node.core.encoding.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes proto3 wire format the way protobufjs' generated encoders do: fields in the order the
 * caller writes them (ARK's: ascending field number) and every field that is present, even when it
 * holds the default value. Absence is the caller's decision (it simply does not write the field).
 */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter uint32(int field, long value) {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException("uint32 field " + field + " out of range: " + value);
    }
    key(field, ProtoReader.WIRE_VARINT);
    varint(value);
    return this;
  }

  public ProtoWriter bool(int field, boolean value) {
    key(field, ProtoReader.WIRE_VARINT);
    varint(value ? 1 : 0);
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public ProtoWriter bytes(int field, Bytes value) {
    return bytes(field, value.toArray());
  }

  public ProtoWriter bytes(int field, byte[] value) {
    key(field, ProtoReader.WIRE_LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** An embedded message, already encoded by its own writer. */
  public ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void key(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
