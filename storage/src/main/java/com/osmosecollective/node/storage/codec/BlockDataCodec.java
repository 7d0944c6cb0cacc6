package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.BlockData;

/** Values of the {@code blocks} column: the block's header fields and its serialized bytes. */
public final class BlockDataCodec implements ValueCodec<BlockData> {
  static final int FORMAT = 1;

  /** Far above any network's payload limit; bounds what a corrupt length may allocate. */
  public static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;

  private static final int MAX_ID = 255;

  @Override
  public byte[] encode(BlockData b) {
    ByteWriter out = new ByteWriter(b.serialized().length + 160);
    out.u8(FORMAT);
    out.u64(b.height());
    Fields.string(out, b.id());
    Fields.optionalString(out, b.previousId());
    out.u64(b.timestamp());
    Fields.hex(out, b.generatorPublicKey(), Fields.PUBLIC_KEY_BYTES, "generator public key");
    out.u64(b.reward());
    out.u64(b.totalFee());
    out.u64(b.totalAmount());
    out.u32(b.transactionCount());
    Fields.blob(out, b.serialized());
    return out.toByteArray();
  }

  @Override
  public BlockData decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    int format = in.u8("block format");
    if (format != FORMAT) {
      throw new DecodeException("unknown block format " + format);
    }
    long height = Fields.nonNegative(in, "height");
    String id = Fields.string(in, MAX_ID, "block id");
    String previous = Fields.optionalString(in, MAX_ID, "previous block id");
    long timestamp = Fields.nonNegative(in, "timestamp");
    String generator = Fields.hex(in, Fields.PUBLIC_KEY_BYTES, "generator public key");
    long reward = Fields.nonNegative(in, "reward");
    long totalFee = Fields.nonNegative(in, "total fee");
    long totalAmount = Fields.nonNegative(in, "total amount");
    int count = in.u32AsInt("transaction count");
    byte[] serialized = Fields.blob(in, MAX_BLOCK_BYTES, "serialized block");
    Fields.requireEnd(in, "block");
    if (height < 1 || (previous == null) != (height == 1)) {
      throw new DecodeException("block height " + height + " inconsistent with its previous id");
    }
    return new BlockData(
        height,
        id,
        previous,
        timestamp,
        generator,
        reward,
        totalFee,
        totalAmount,
        count,
        serialized);
  }
}
