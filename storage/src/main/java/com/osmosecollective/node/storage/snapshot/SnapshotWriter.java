package com.osmosecollective.node.storage.snapshot;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a snapshot file (layout in {@link SnapshotFormat}): the header, then the blocks {@code
 * from..to} in height order, then {@link #finish()}. A file whose writing stopped before {@code
 * finish} has no end marker and is refused by {@link SnapshotReader}.
 */
public final class SnapshotWriter implements AutoCloseable {
  private final SnapshotHeader header;
  private final OutputStream raw;
  private final DigestOutputStream file;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
  private final DeflaterOutputStream deflated;
  private final DataOutputStream body;
  private final MessageDigest records = SnapshotFormat.sha256();
  private final ByteArrayOutputStream chunkBytes = new ByteArrayOutputStream();
  private final DataOutputStream chunk = new DataOutputStream(chunkBytes);
  private int chunkCount;
  private long next;
  private boolean finished;

  private SnapshotWriter(SnapshotHeader header, OutputStream raw) throws IOException {
    this.header = header;
    this.raw = raw;
    this.file = new DigestOutputStream(raw, SnapshotFormat.sha256());
    byte[] encoded = SnapshotFormat.encodeHeader(header);
    DataOutputStream plain = new DataOutputStream(file);
    plain.write(SnapshotFormat.MAGIC);
    plain.writeInt(encoded.length);
    plain.write(encoded);
    plain.write(SnapshotFormat.sha256().digest(encoded));
    plain.flush();
    this.deflated = new DeflaterOutputStream(file, deflater, 64 * 1024);
    this.body = new DataOutputStream(deflated);
    this.next = header.from();
  }

  /** Creates {@code path} (it must not exist) and writes the header. */
  public static SnapshotWriter create(Path path, SnapshotHeader header) throws IOException {
    OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            256 * 1024);
    try {
      return new SnapshotWriter(header, out);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** The next block, which must be at the next height. */
  public void write(long height, byte[] serialized) throws IOException {
    if (finished) {
      throw new IllegalStateException("the snapshot is finished");
    }
    if (height != next || height > header.to()) {
      throw new IllegalArgumentException("expected block " + next + ", got " + height);
    }
    if (serialized.length > SnapshotFormat.MAX_BLOCK_BYTES) {
      throw new IllegalArgumentException("block " + height + " is larger than 32 MiB");
    }
    chunk.writeLong(height);
    chunk.writeInt(serialized.length);
    chunk.write(serialized);
    next++;
    if (++chunkCount == SnapshotFormat.CHUNK_BLOCKS) {
      flushChunk();
    }
  }

  /** Writes the end marker and trailer; every block from..to must have been written. */
  public void finish() throws IOException {
    if (next != header.to() + 1) {
      throw new IllegalStateException(
          "the snapshot ends at " + header.to() + " but the last block written is " + (next - 1));
    }
    flushChunk();
    body.writeInt(0);
    body.writeLong(header.blockCount());
    body.write(records.digest());
    body.write(SnapshotFormat.END);
    body.flush();
    deflated.finish();
    file.flush();
    raw.write(file.getMessageDigest().digest());
    raw.flush();
    finished = true;
  }

  private void flushChunk() throws IOException {
    if (chunkCount == 0) {
      return;
    }
    chunk.flush();
    byte[] bytes = chunkBytes.toByteArray();
    records.update(bytes);
    CRC32C crc = new CRC32C();
    crc.update(intBytes(chunkCount));
    crc.update(bytes);
    body.writeInt(chunkCount);
    body.write(bytes);
    body.writeInt((int) crc.getValue());
    chunkBytes.reset();
    chunkCount = 0;
  }

  static byte[] intBytes(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  @Override
  public void close() throws IOException {
    try {
      body.close();
    } finally {
      deflater.end();
    }
  }
}
