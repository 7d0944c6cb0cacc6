package com.osmosecollective.node.storage.snapshot;

import com.osmosecollective.node.core.encoding.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The snapshot file layout (version 1):
 *
 * <pre>
 * "OSMSNAP1" | u32 header length | header | SHA-256(header)          -- plain, readable at once
 * deflate(                                                            -- java.util.zip
 *   chunk*  : u32 n (1..256) | n x (u64 height | u32 length | block bytes) | u32 CRC32C(chunk)
 *   u32 0   | u64 block count | SHA-256(every height|length|bytes record) | "OSMSEND1")
 * SHA-256(every byte before it)                                       -- plain, 32 bytes
 * </pre>
 *
 * Header: u16 version, UTF network, nethash, genesis id, u64 from, u64 to, UTF previous id, state
 * hash, u32 length + network definition bytes. Numbers big-endian. Every length is bounded before
 * anything is allocated. The last 32 bytes cover the whole file, so that even a flip in bits the
 * decompressor ignores (the padding of the last deflate block) is seen.
 */
final class SnapshotFormat {
  static final byte[] MAGIC = "OSMSNAP1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "OSMSEND1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int CHUNK_BLOCKS = 256;
  static final int MAX_HEADER_BYTES = 65 * 1024 * 1024;
  static final int FILE_DIGEST_BYTES = 32;
  static final int MAX_DEFINITION_BYTES = 64 * 1024 * 1024;

  /** Far above any block a milestone allows (ARK's largest maxPayload is 21 MB on devnets). */
  static final int MAX_BLOCK_BYTES = 32 * 1024 * 1024;

  private SnapshotFormat() {}

  static byte[] encodeHeader(SnapshotHeader header) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeShort(VERSION);
      out.writeUTF(header.network());
      out.writeUTF(header.nethash());
      out.writeUTF(header.genesisId());
      out.writeLong(header.from());
      out.writeLong(header.to());
      out.writeUTF(header.previousId());
      out.writeUTF(header.stateHash());
      byte[] definition = header.networkDefinition().toArray();
      out.writeInt(definition.length);
      out.write(definition);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  static SnapshotHeader decodeHeader(DataInputStream in) throws IOException, SnapshotException {
    int version = in.readUnsignedShort();
    if (version != VERSION) {
      throw new SnapshotException(
          "snapshot format version " + version + " (this node reads version " + VERSION + ")");
    }
    String network = in.readUTF();
    String nethash = in.readUTF();
    String genesisId = in.readUTF();
    long from = in.readLong();
    long to = in.readLong();
    String previousId = in.readUTF();
    String stateHash = in.readUTF();
    int length = in.readInt();
    if (length < 0 || length > MAX_DEFINITION_BYTES) {
      throw new SnapshotException("network definition of " + length + " bytes");
    }
    byte[] definition = in.readNBytes(length);
    if (definition.length != length) {
      throw new SnapshotException("the header ends inside the network definition");
    }
    try {
      return new SnapshotHeader(
          network, nethash, genesisId, from, to, previousId, stateHash, Bytes.of(definition));
    } catch (IllegalArgumentException e) {
      throw new SnapshotException("inconsistent header: " + e.getMessage());
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
