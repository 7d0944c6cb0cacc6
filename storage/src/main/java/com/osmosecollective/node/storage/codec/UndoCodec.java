package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of the {@code undo} column: for one block, every existing key it overwrote or deleted (and
 * every key it wrote that is not one of its own height- or id-keyed records) with its prior value
 * or absence. Layout: format u8, count u32, then per entry column u8, key (u16 length + bytes),
 * presence u8 and, if present, the prior value (u32 length + bytes).
 */
public final class UndoCodec implements ValueCodec<List<UndoEntry>> {
  static final int FORMAT = 1;
  private static final int MAX_VALUE = 80 * 1024 * 1024;
  private static final int MIN_ENTRY_BYTES = 4;

  private final int columnCount;

  public UndoCodec(int columnCount) {
    this.columnCount = columnCount;
  }

  @Override
  public byte[] encode(List<UndoEntry> entries) {
    int estimate = 5;
    for (UndoEntry e : entries) {
      estimate += 8 + e.key().length + (e.prior() == null ? 0 : e.prior().length);
    }
    ByteWriter out = new ByteWriter(estimate);
    out.u8(FORMAT);
    out.u32(entries.size());
    for (UndoEntry e : entries) {
      out.u8(e.column());
      out.u16(e.key().length).bytes(e.key());
      out.u8(e.prior() == null ? 0 : 1);
      if (e.prior() != null) {
        Fields.blob(out, e.prior());
      }
    }
    return out.toByteArray();
  }

  @Override
  public List<UndoEntry> decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    int format = in.u8("undo format");
    if (format != FORMAT) {
      throw new DecodeException("unknown undo format " + format);
    }
    int n = in.u32AsInt("undo entry count");
    if ((long) n * MIN_ENTRY_BYTES > in.remaining()) {
      throw new DecodeException("undo entry count " + n + " exceeds the record");
    }
    List<UndoEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int column = in.u8("undo column");
      if (column >= columnCount) {
        throw new DecodeException("undo entry names unknown column " + column);
      }
      byte[] key = in.bytes(in.u16("undo key length"), "undo key");
      byte[] prior = Fields.presence(in, "undo prior") ? Fields.blob(in, MAX_VALUE, "prior") : null;
      out.add(new UndoEntry(column, key, prior));
    }
    Fields.requireEnd(in, "undo record");
    return out;
  }
}
