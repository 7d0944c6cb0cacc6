package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool kept across restarts (ARK keeps it in sqlite): a file of {@code "OSMPOOL1"}, a u32
 * count, then per transaction its entry height (u64) and its serialized bytes (u32 length + bytes),
 * all little-endian. Written to a temporary file then moved into place, so a crash leaves the old
 * file or the new one. Reading bounds every size before allocating and fails only with {@link
 * DecodeException}; restored transactions are re-checked like new ones.
 */
public final class PoolFile {
  private static final byte[] MAGIC = {'O', 'S', 'M', 'P', 'O', 'O', 'L', '1'};

  /** More than the pool ever holds; a larger count is a damaged file. */
  static final int MAX_ENTRIES = 1_000_000;

  private PoolFile() {}

  public static void write(Path file, List<StoredTransaction> entries) throws IOException {
    ByteWriter w = new ByteWriter(64 + entries.size() * 200);
    w.bytes(MAGIC).u32(entries.size());
    for (StoredTransaction e : entries) {
      byte[] bytes = e.tx().serialized();
      w.u64(e.heightAdded()).u32(bytes.length).bytes(bytes);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, w.toByteArray());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The stored transactions, or none when the file does not exist. */
  public static List<StoredTransaction> read(Path file, TxContext ctx)
      throws IOException, DecodeException {
    if (!Files.exists(file)) {
      return List.of();
    }
    return decode(Files.readAllBytes(file), ctx);
  }

  static List<StoredTransaction> decode(byte[] data, TxContext ctx) throws DecodeException {
    ByteReader r = new ByteReader(data);
    byte[] magic = r.bytes(MAGIC.length, "pool file magic");
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new DecodeException("not a pool file");
    }
    long count = r.u32("pool file count");
    // each entry takes at least 12 bytes: bound the count by what the file can hold
    if (count > MAX_ENTRIES || count * 12 > r.remaining()) {
      throw new DecodeException("pool file count " + count + " does not fit the file");
    }
    List<StoredTransaction> out = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      long height = r.u63("pool file height");
      int length = r.u32AsInt("pool file transaction length");
      if (length > r.remaining()) {
        throw new DecodeException("pool file transaction " + i + " is truncated");
      }
      byte[] bytes = r.bytes(length, "pool file transaction");
      out.add(new StoredTransaction(TransactionDecoder.decode(bytes, ctx), height));
    }
    if (r.hasRemaining()) {
      throw new DecodeException("pool file has " + r.remaining() + " trailing bytes");
    }
    return out;
  }
}
