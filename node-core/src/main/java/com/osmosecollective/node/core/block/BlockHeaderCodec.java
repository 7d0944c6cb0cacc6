package com.osmosecollective.node.core.block;

import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;

/**
 * Block header bytes (spec §5.2). The previousBlock field is 8 bytes (legacy) or 32 (full sha256)
 * by the milestone of height − 1, while the block's own id rule follows the milestone of its
 * height: the two differ exactly at the switch height.
 */
public final class BlockHeaderCodec {
  /** Longest DER ECDSA signature: 0x30, length, two 33-byte integers with their tags. */
  public static final int MAX_SIGNATURE_LENGTH = 72;

  private final Milestones milestones;

  public BlockHeaderCodec(Milestones milestones) {
    this.milestones = milestones;
  }

  public boolean previousIsFullSha256(long height) {
    return milestones.at(Math.max(1, height - 1)).idFullSha256();
  }

  public boolean idIsFullSha256(long height) {
    return milestones.at(height).idFullSha256();
  }

  /** The block version the milestone of {@code height} requires. */
  public int milestoneVersion(long height) {
    return milestones.at(height).blockVersion();
  }

  /** The header bytes, with or without the signature (the signing preimage has none). */
  public byte[] serialize(BlockHeader header, boolean withSignature) throws DecodeException {
    byte[] signature = header.blockSignature();
    ByteWriter out = new ByteWriter(141 + MAX_SIGNATURE_LENGTH);
    out.u32(header.version())
        .u32(header.timestamp())
        .u32(header.height())
        .bytes(
            BlockIds.toPreviousBlockField(
                header.previousBlock(), previousIsFullSha256(header.height())))
        .u32(header.numberOfTransactions())
        .u64(header.totalAmount())
        .u64(header.totalFee())
        .u64(header.reward())
        .u32(header.payloadLength())
        .bytes(header.payloadHash())
        .bytes(header.generatorPublicKey());
    if (withSignature && signature != null) {
      out.bytes(signature);
    }
    return out.toByteArray();
  }

  /** The digest the generator signs: sha256 of the header without its signature. */
  public byte[] signingDigest(BlockHeader header) throws DecodeException {
    return Hashes.sha256(serialize(header, false));
  }

  /** The block id: over the signed header, by the id rule of the block's height (spec §5.4). */
  public String id(BlockHeader header) throws DecodeException {
    return BlockIds.fromHash(
        Hashes.sha256(serialize(header, true)), idIsFullSha256(header.height()));
  }

  /**
   * The id ARK's genesis generators gave a genesis block: the same rule over the header without its
   * signature (spec §5.6). Used to check a declared genesis id and to make new genesis blocks.
   */
  public String genesisId(BlockHeader header) throws DecodeException {
    return BlockIds.fromHash(signingDigest(header), idIsFullSha256(header.height()));
  }

  /** Reads a header and its signature from the reader's position. */
  public BlockHeader decode(ByteReader in) throws DecodeException {
    long version = in.u32("block version");
    if (version > Integer.MAX_VALUE) {
      throw new DecodeException("block version is too large: " + version);
    }
    long timestamp = in.u32("block timestamp");
    long height = in.u32("block height");
    if (height < 1) {
      throw new DecodeException("block height must be at least 1");
    }
    String previous = readPrevious(in, height);
    int count = in.u32AsInt("numberOfTransactions");
    long totalAmount = in.u63("totalAmount");
    long totalFee = in.u63("totalFee");
    long reward = in.u63("reward");
    long payloadLength = in.u32("payloadLength");
    byte[] payloadHash = in.bytes(32, "payloadHash");
    byte[] generator = in.bytes(33, "generatorPublicKey");
    byte[] signature = null;
    if (in.hasRemaining()) {
      int length = in.peekU8(1, "blockSignature length") + 2;
      if (length > MAX_SIGNATURE_LENGTH) {
        throw new DecodeException(
            "blockSignature is longer than " + MAX_SIGNATURE_LENGTH + " bytes");
      }
      signature = in.bytes(length, "blockSignature");
    }
    return new BlockHeader(
        (int) version,
        timestamp,
        height,
        previous,
        count,
        totalAmount,
        totalFee,
        reward,
        payloadLength,
        payloadHash,
        generator,
        signature);
  }

  private String readPrevious(ByteReader in, long height) throws DecodeException {
    if (previousIsFullSha256(height)) {
      byte[] raw = in.bytes(32, "previousBlock");
      return height == 1 && isZero(raw) ? null : Hex.encode(raw);
    }
    long value = in.u64BigEndian("previousBlock");
    return height == 1 && value == 0 ? null : Long.toUnsignedString(value);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
