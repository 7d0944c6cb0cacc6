package com.osmosecollective.node.storage.snapshot;

import com.osmosecollective.node.core.encoding.Hex;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a snapshot file block by block and checks everything on the way: the header's SHA-256,
 * every chunk's CRC32C, consecutive heights within the header's range, bounded lengths, the block
 * count and the SHA-256 over all records in the trailer, the end marker, and that nothing follows.
 * A truncated or altered file fails with a {@link SnapshotException} that says which.
 */
public final class SnapshotReader implements AutoCloseable {
  /** One block of the file. */
  @SuppressWarnings("ArrayRecordComponent") // handed on once to the block decoder: no copy
  public record Entry(long height, byte[] serialized) {}

  private final Path path;
  private final InputStream file;
  private final DigestInputStream digested;
  private final InputStream raw;
  private final Inflater inflater = new Inflater();
  private final DataInputStream body;
  private final SnapshotHeader header;
  private final String headerChecksum;
  private final MessageDigest records = SnapshotFormat.sha256();
  private byte[][] chunk = new byte[0][];
  private long[] chunkHeights = new long[0];
  private int chunkIndex;
  private long next;
  private boolean ended;

  private SnapshotReader(Path path, InputStream file, long size)
      throws IOException, SnapshotException {
    this.path = path;
    this.file = file;
    this.digested =
        new DigestInputStream(
            new BoundedInputStream(file, size - SnapshotFormat.FILE_DIGEST_BYTES),
            SnapshotFormat.sha256());
    this.raw = new BufferedInputStream(digested, 256 * 1024);
    DataInputStream plain = new DataInputStream(raw);
    byte[] magic = plain.readNBytes(SnapshotFormat.MAGIC.length);
    if (!Arrays.equals(magic, SnapshotFormat.MAGIC)) {
      throw new SnapshotException(path + " is not an OSMOSE snapshot (no OSMSNAP1 marker)");
    }
    int length = plain.readInt();
    if (length < 0 || length > SnapshotFormat.MAX_HEADER_BYTES) {
      throw new SnapshotException(path + " is damaged: header length " + length);
    }
    byte[] encoded = plain.readNBytes(length);
    byte[] checksum = plain.readNBytes(32);
    if (encoded.length != length || checksum.length != 32) {
      throw new SnapshotException(path + " is truncated: it ends inside its header");
    }
    if (!MessageDigest.isEqual(checksum, SnapshotFormat.sha256().digest(encoded))) {
      throw new SnapshotException(path + " is damaged: the header's checksum does not match");
    }
    this.headerChecksum = Hex.encode(checksum);
    this.header =
        SnapshotFormat.decodeHeader(new DataInputStream(new java.io.ByteArrayInputStream(encoded)));
    this.body = new DataInputStream(new InflaterInputStream(raw, inflater, 64 * 1024));
    this.next = header.from();
  }

  /** Opens {@code path} and checks its header. */
  public static SnapshotReader open(Path path) throws SnapshotException {
    InputStream raw;
    long size;
    try {
      size = Files.size(path);
      raw = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new SnapshotException("no such snapshot file: " + path);
    } catch (IOException e) {
      throw new SnapshotException("cannot read " + path + ": " + e.getMessage(), e);
    }
    try {
      if (size < SnapshotFormat.MAGIC.length + SnapshotFormat.FILE_DIGEST_BYTES) {
        byte[] start = raw.readNBytes(SnapshotFormat.MAGIC.length);
        throw new SnapshotException(
            path
                + (Arrays.equals(start, SnapshotFormat.MAGIC)
                    ? " is truncated"
                    : " is not an OSMOSE snapshot (no OSMSNAP1 marker)"));
      }
      return new SnapshotReader(path, raw, size);
    } catch (EOFException e) {
      close(raw);
      throw new SnapshotException(path + " is truncated: it ends inside its header");
    } catch (IOException e) {
      close(raw);
      throw new SnapshotException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (SnapshotException | RuntimeException e) {
      close(raw);
      throw e;
    }
  }

  public SnapshotHeader header() {
    return header;
  }

  /** The SHA-256 of the header, hex: tells one snapshot from another (an import's resume mark). */
  public String headerChecksum() {
    return headerChecksum;
  }

  /**
   * The next block, or null after the last one once the trailer checked out (count, records hash,
   * end marker, nothing after it).
   */
  public Entry next() throws SnapshotException {
    try {
      if (chunkIndex == chunk.length) {
        if (ended) {
          return null;
        }
        readChunk();
        if (ended) {
          return null;
        }
      }
      Entry entry = new Entry(chunkHeights[chunkIndex], chunk[chunkIndex]);
      chunk[chunkIndex++] = null;
      return entry;
    } catch (EOFException e) {
      throw new SnapshotException(
          path + " is truncated: it ends before block " + next + " of " + header.to());
    } catch (ZipException e) {
      throw new SnapshotException(
          path + " is damaged near block " + next + ": " + e.getMessage() + " (compressed data)");
    } catch (IOException e) {
      throw new SnapshotException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads every remaining block and checks the whole file; returns the number of blocks read. */
  public long verifyRest(java.util.function.LongConsumer progress) throws SnapshotException {
    long count = 0;
    for (Entry e = next(); e != null; e = next()) {
      count++;
      progress.accept(e.height());
    }
    return count;
  }

  private void readChunk() throws IOException, SnapshotException {
    int count = body.readInt();
    if (count == 0) {
      readTrailer();
      return;
    }
    if (count < 0 || count > SnapshotFormat.CHUNK_BLOCKS) {
      throw damaged("a chunk of " + count + " blocks");
    }
    CRC32C crc = new CRC32C();
    crc.update(SnapshotWriter.intBytes(count));
    byte[][] blocks = new byte[count][];
    long[] heights = new long[count];
    byte[] recordHead = new byte[12];
    for (int i = 0; i < count; i++) {
      body.readFully(recordHead);
      long height = java.nio.ByteBuffer.wrap(recordHead).getLong();
      int length = java.nio.ByteBuffer.wrap(recordHead, 8, 4).getInt();
      if (height != next) {
        throw damaged("block " + height + " where block " + next + " belongs");
      }
      if (height > header.to()) {
        throw damaged("block " + height + " beyond the header's last height " + header.to());
      }
      if (length <= 0 || length > SnapshotFormat.MAX_BLOCK_BYTES) {
        throw damaged("block " + height + " of " + length + " bytes");
      }
      byte[] block = new byte[length];
      body.readFully(block);
      crc.update(recordHead);
      crc.update(block);
      records.update(recordHead);
      records.update(block);
      blocks[i] = block;
      heights[i] = height;
      next++;
    }
    int declared = body.readInt();
    if (declared != (int) crc.getValue()) {
      throw damaged(
          "the checksum of blocks " + heights[0] + ".." + heights[count - 1] + " does not match");
    }
    chunk = blocks;
    chunkHeights = heights;
    chunkIndex = 0;
  }

  private void readTrailer() throws IOException, SnapshotException {
    long count = body.readLong();
    byte[] digest = new byte[32];
    body.readFully(digest);
    byte[] end = new byte[SnapshotFormat.END.length];
    body.readFully(end);
    if (next != header.to() + 1 || count != header.blockCount()) {
      throw damaged("it ends after block " + (next - 1) + " but its header says " + header.to());
    }
    if (!MessageDigest.isEqual(digest, records.digest())) {
      throw damaged("the checksum over all blocks does not match (" + Hex.encode(digest) + ")");
    }
    if (!Arrays.equals(end, SnapshotFormat.END)) {
      throw damaged("no end marker");
    }
    if (body.read() != -1 || inflater.getRemaining() > 0 || raw.read() != -1) {
      throw damaged("bytes follow the end marker");
    }
    byte[] fileDigest = file.readNBytes(SnapshotFormat.FILE_DIGEST_BYTES + 1);
    if (fileDigest.length != SnapshotFormat.FILE_DIGEST_BYTES
        || !MessageDigest.isEqual(fileDigest, digested.getMessageDigest().digest())) {
      throw damaged("the checksum over the whole file does not match");
    }
    ended = true;
    chunk = new byte[0][];
    chunkIndex = 0;
  }

  private SnapshotException damaged(String what) {
    return new SnapshotException(path + " is damaged: " + what);
  }

  @Override
  public void close() {
    close(file);
    inflater.end();
  }

  /** Reads at most {@code limit} bytes of a stream: the file without its closing digest. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // read-only: nothing to lose
    }
  }
}
