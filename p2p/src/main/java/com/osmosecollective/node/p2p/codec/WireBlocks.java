package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.block.BlockIds;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import java.util.ArrayList;
import java.util.List;

/** Maps node-core blocks to the block messages ARK exchanges, and wire headers back. */
public final class WireBlocks {
  private static final int PUBLIC_KEY_BYTES = 33;
  private static final int HASH_BYTES = 32;
  private static final int MAX_SIGNATURE_BYTES = 72;

  /** ARK's {@code Block.toBytesHex(null)}: what a genesis block reports as previousBlockHex. */
  private static final String NO_PREVIOUS_HEX = "0000000000000000";

  private WireBlocks() {}

  /** The header as {@code getStatus} sends it: ARK's block data, including the two hex fields. */
  public static WireBlockHeader statusHeader(Block block) {
    BlockHeader h = block.header();
    String previous = h.previousBlock();
    byte[] signature = h.blockSignature();
    return new WireBlockHeader(
        block.id(),
        block.idHex(),
        h.version(),
        h.timestamp(),
        previous,
        previous == null ? NO_PREVIOUS_HEX : BlockIds.toHex(previous),
        h.height(),
        h.numberOfTransactions(),
        h.totalAmount(),
        h.totalFee(),
        h.reward(),
        h.payloadLength(),
        Hex.encode(h.payloadHash()),
        h.generatorPublicKeyHex(),
        signature == null ? null : Hex.encode(signature));
  }

  /**
   * A {@code getBlocks} entry: ARK reads these from its database, which has no idHex or
   * previousBlockHex; transactions are the serialized bytes, none when only headers were asked for.
   */
  public static DownloadedBlock downloaded(Block block, boolean headersOnly) {
    List<Bytes> transactions = new ArrayList<>();
    if (!headersOnly) {
      for (Transaction tx : block.transactions()) {
        transactions.add(Bytes.of(tx.serialized()));
      }
    }
    return new DownloadedBlock(statusHeader(block).withoutHexFields(), transactions);
  }

  /**
   * A node-core header from a peer's wire header, refusing missing or malformed hashes, keys and
   * signatures. The id is not taken on trust: callers recompute it from the result.
   */
  public static BlockHeader toCoreHeader(WireBlockHeader wire) throws DecodeException {
    if (wire.numberOfTransactions() > Integer.MAX_VALUE || wire.version() > Integer.MAX_VALUE) {
      throw new DecodeException("block header version or transaction count out of range");
    }
    if (wire.blockSignature() == null || wire.blockSignature().length() > 2 * MAX_SIGNATURE_BYTES) {
      throw new DecodeException("block header signature missing or longer than 72 bytes");
    }
    return new BlockHeader(
        (int) wire.version(),
        wire.timestamp(),
        wire.height(),
        wire.previousBlock(),
        (int) wire.numberOfTransactions(),
        wire.totalAmount(),
        wire.totalFee(),
        wire.reward(),
        wire.payloadLength(),
        Hex.decode(wire.payloadHash(), HASH_BYTES, "payloadHash"),
        Hex.decode(wire.generatorPublicKey(), PUBLIC_KEY_BYTES, "generatorPublicKey"),
        Hex.decode(wire.blockSignature()));
  }
}
