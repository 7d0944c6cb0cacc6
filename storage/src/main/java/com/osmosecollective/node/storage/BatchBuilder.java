package com.osmosecollective.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.WriteBatch;

/**
 * Builds a RocksDB write batch in its documented binary form in a Java array and hands it to
 * RocksDB in one call, instead of one JNI call per put (a block writes over a thousand keys).
 *
 * <p>Layout (RocksDB {@code write_batch.cc}): sequence fixed64 and count fixed32 (little-endian),
 * then per record a tag — value 0x1 / deletion 0x0 in the default column family, 0x5 / 0x4 with a
 * varint32 column family id otherwise — then the key and, for values, the value, each as a varint32
 * length and bytes.
 */
final class BatchBuilder {
  private static final int HEADER = 12;
  private static final int TYPE_DELETION = 0x0;
  private static final int TYPE_VALUE = 0x1;
  private static final int TYPE_CF_DELETION = 0x4;
  private static final int TYPE_CF_VALUE = 0x5;
  private static final int DEFAULT_CHUNK_SHIFT = 20;

  /*
   * The records go into fixed chunks rather than one array grown by doubling: a bulk batch of a
   * hundred full blocks reaches tens of megabytes, and the doubling copies were the largest
   * allocation of a sync (each a humongous G1 region run). One exact copy is made at the end,
   * because RocksJava takes a batch only as a whole array.
   */
  private final int chunkShift;
  private final int chunkSize;
  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk;
  private int offset; // in chunk
  private int size; // of the whole batch, header included
  private int count;

  /** A position to roll back to. */
  record Mark(int size, int count) {}

  BatchBuilder() {
    this(DEFAULT_CHUNK_SHIFT);
  }

  /** Chunks of {@code 1 << chunkShift} bytes (tests use small ones to cross their edges). */
  BatchBuilder(int chunkShift) {
    if (chunkShift < 4 || chunkShift > 26) {
      throw new IllegalArgumentException("chunk shift " + chunkShift);
    }
    this.chunkShift = chunkShift;
    this.chunkSize = 1 << chunkShift;
    seek(HEADER);
  }

  void put(int columnFamilyId, byte[] key, byte[] value) {
    require(11L + key.length + value.length);
    tag(columnFamilyId, TYPE_VALUE, TYPE_CF_VALUE);
    bytes(key);
    bytes(value);
    count++;
  }

  void delete(int columnFamilyId, byte[] key) {
    require(11L + key.length);
    tag(columnFamilyId, TYPE_DELETION, TYPE_CF_DELETION);
    bytes(key);
    count++;
  }

  /**
   * Empties the batch for reuse, keeping only the first chunk (a bulk batch's peak is not held).
   */
  void reset() {
    while (chunks.size() > 1) {
      chunks.remove(chunks.size() - 1);
    }
    seek(HEADER);
    count = 0;
  }

  Mark mark() {
    return new Mark(size, count);
  }

  void rollback(Mark mark) {
    seek(mark.size());
    count = mark.count();
  }

  int count() {
    return count;
  }

  long dataSize() {
    return size;
  }

  /** The batch as a native RocksDB {@link WriteBatch}; the caller closes it. */
  WriteBatch toWriteBatch() {
    byte[] out = new byte[size];
    for (int copied = 0, i = 0; copied < size; i++) {
      int length = Math.min(chunkSize, size - copied);
      System.arraycopy(chunks.get(i), 0, out, copied, length);
      copied += length;
    }
    Arrays.fill(out, 0, 8, (byte) 0); // sequence: RocksDB assigns it
    out[8] = (byte) count;
    out[9] = (byte) (count >>> 8);
    out[10] = (byte) (count >>> 16);
    out[11] = (byte) (count >>> 24);
    return new WriteBatch(out);
  }

  /** Moves the end to {@code position}, keeping the chunks already allocated for reuse. */
  private void seek(int position) {
    int index = position >>> chunkShift;
    while (chunks.size() <= index) {
      chunks.add(new byte[chunkSize]);
    }
    chunk = chunks.get(index);
    offset = position & (chunkSize - 1);
    size = position;
  }

  private void tag(int columnFamilyId, int defaultType, int cfType) {
    if (columnFamilyId == 0) {
      put(defaultType);
    } else {
      put(cfType);
      varint(columnFamilyId);
    }
  }

  private void bytes(byte[] value) {
    varint(value.length);
    int written = 0;
    while (written < value.length) {
      if (offset == chunkSize) {
        seek(size);
      }
      int length = Math.min(value.length - written, chunkSize - offset);
      System.arraycopy(value, written, chunk, offset, length);
      written += length;
      offset += length;
      size += length;
    }
  }

  private void varint(int value) {
    while ((value & ~0x7f) != 0) {
      put((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    put(value);
  }

  private void put(int b) {
    if (offset == chunkSize) {
      seek(size);
    }
    chunk[offset++] = (byte) b;
    size++;
  }

  private void require(long extra) {
    if (size + extra > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("write batch exceeds 2 GiB; flush bulk batches sooner");
    }
  }
}
