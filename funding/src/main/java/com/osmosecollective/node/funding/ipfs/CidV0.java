package com.osmosecollective.node.funding.ipfs;

import com.google.protobuf.ByteString;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.funding.ipfs.proto.PBLink;
import com.osmosecollective.node.funding.ipfs.proto.PBNode;
import com.osmosecollective.node.funding.ipfs.proto.UnixFsData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPFS CIDv0 of a byte string, as {@code ipfs add} computes it with its defaults: fixed-size
 * chunks of 256 KiB, each a UnixFS file leaf in a dag-pb node, assembled into a balanced DAG of at
 * most 174 links per node; the CID is the base58btc sha2-256 multihash of the root node's bytes.
 *
 * <p>Memory stays bounded whatever the input size: one chunk plus, per level of the DAG being
 * filled, the hashes and sizes of at most 174 children.
 */
public final class CidV0 {
  public static final int CHUNK_SIZE = 256 * 1024;
  public static final int MAX_LINKS = 174;

  private static final int SHA2_256 = 0x12;
  private static final int SHA2_256_LENGTH = 32;

  private CidV0() {}

  public static String of(byte[] content) {
    try {
      return of(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Reads {@code in} to its end (the caller closes it). */
  public static String of(InputStream in) throws IOException {
    return Base58.encode(root(new Chunks(in)).multihash());
  }

  /** True when {@code text} is a CIDv0: base58 of a sha2-256 multihash ("Qm…", 46 chars). */
  public static boolean isCidV0(String text) {
    if (text == null || text.length() != 46 || !Base58.isBase58(text)) {
      return false;
    }
    try {
      byte[] multihash = Base58.decode(text);
      return multihash.length == 2 + SHA2_256_LENGTH
          && multihash[0] == SHA2_256
          && multihash[1] == SHA2_256_LENGTH;
    } catch (DecodeException e) {
      return false;
    }
  }

  /** A node once encoded: its multihash, cumulative size (Tsize) and the file bytes it covers. */
  // multihash bytes of a finished node, never compared
  @SuppressWarnings("ArrayRecordComponent")
  private record Built(byte[] multihash, long cumulativeSize, long fileSize) {}

  /** go-unixfs's balanced layout: grow the root one level whenever it is full. */
  private static Built root(Chunks chunks) throws IOException {
    byte[] first = chunks.next();
    if (first == null) {
      return leaf(new byte[0]);
    }
    Built root = leaf(first);
    for (int depth = 1; chunks.hasNext(); depth++) {
      List<Built> children = new ArrayList<>(MAX_LINKS);
      children.add(root);
      root = fill(chunks, children, depth);
    }
    return root;
  }

  private static Built fill(Chunks chunks, List<Built> children, int depth) throws IOException {
    while (children.size() < MAX_LINKS && chunks.hasNext()) {
      children.add(
          depth == 1 ? leaf(chunks.next()) : fill(chunks, new ArrayList<>(MAX_LINKS), depth - 1));
    }
    return internal(children);
  }

  private static Built leaf(byte[] chunk) {
    UnixFsData.Builder data =
        UnixFsData.newBuilder().setType(UnixFsData.DataType.File).setFilesize(chunk.length);
    if (chunk.length > 0) {
      data.setData(ByteString.copyFrom(chunk));
    }
    byte[] node = encode(List.of(), data.build());
    return new Built(multihash(node), node.length, chunk.length);
  }

  private static Built internal(List<Built> children) {
    UnixFsData.Builder data = UnixFsData.newBuilder().setType(UnixFsData.DataType.File);
    List<PBLink> links = new ArrayList<>(children.size());
    long fileSize = 0;
    long linked = 0;
    for (Built child : children) {
      data.addBlocksizes(child.fileSize());
      fileSize = Math.addExact(fileSize, child.fileSize());
      linked = Math.addExact(linked, child.cumulativeSize());
      links.add(
          PBLink.newBuilder()
              .setHash(ByteString.copyFrom(child.multihash()))
              .setName("")
              .setTsize(child.cumulativeSize())
              .build());
    }
    byte[] node = encode(links, data.setFilesize(fileSize).build());
    return new Built(multihash(node), Math.addExact(node.length, linked), fileSize);
  }

  /**
   * dag-pb's canonical form writes the links (field 2) before the data (field 1), against
   * protobuf's field-number order: the node is the concatenation of a links-only and a data-only
   * message, which protobuf parsers read back as one message.
   */
  private static byte[] encode(List<PBLink> links, UnixFsData data) {
    byte[] linkPart = PBNode.newBuilder().addAllLinks(links).build().toByteArray();
    byte[] dataPart = PBNode.newBuilder().setData(data.toByteString()).build().toByteArray();
    byte[] node = new byte[linkPart.length + dataPart.length];
    System.arraycopy(linkPart, 0, node, 0, linkPart.length);
    System.arraycopy(dataPart, 0, node, linkPart.length, dataPart.length);
    return node;
  }

  private static byte[] multihash(byte[] node) {
    byte[] digest = Hashes.sha256(node);
    byte[] out = new byte[2 + digest.length];
    out[0] = SHA2_256;
    out[1] = SHA2_256_LENGTH;
    System.arraycopy(digest, 0, out, 2, digest.length);
    return out;
  }

  /** Full 256 KiB chunks (the last one shorter), read one ahead to know whether more follow. */
  private static final class Chunks {
    private final InputStream in;
    private byte[] ahead;

    Chunks(InputStream in) throws IOException {
      this.in = in;
      this.ahead = read();
    }

    boolean hasNext() {
      return ahead != null;
    }

    byte[] next() throws IOException {
      byte[] chunk = ahead;
      if (chunk != null) {
        ahead = read();
      }
      return chunk;
    }

    private byte[] read() throws IOException {
      byte[] chunk = in.readNBytes(CHUNK_SIZE);
      return chunk.length == 0 ? null : chunk;
    }
  }
}
