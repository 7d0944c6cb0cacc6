package com.osmosecollective.node.core.block;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Full block bytes (spec §5.3): the signed header, a table of uint32 LE transaction lengths, then
 * the transactions. Decoding bounds the count and every length by the bytes actually present before
 * allocating anything.
 */
public final class BlockCodec {
  private final Network network;
  private final BlockHeaderCodec headers;

  public BlockCodec(Network network) {
    this.network = network;
    this.headers = new BlockHeaderCodec(network.milestones());
  }

  public BlockHeaderCodec headers() {
    return headers;
  }

  public Block decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    BlockHeader header = headers.decode(in);
    if (header.blockSignature() == null) {
      throw new DecodeException("block has no signature");
    }
    int count = header.numberOfTransactions();
    if (count > in.remaining() / 4) {
      throw new DecodeException(
          "numberOfTransactions "
              + count
              + " does not fit in the "
              + in.remaining()
              + " bytes left");
    }
    int[] lengths = new int[count];
    long total = 0;
    for (int i = 0; i < count; i++) {
      lengths[i] = in.u32AsInt("transaction length");
      total += lengths[i];
    }
    if (total != in.remaining()) {
      throw new DecodeException(
          "transaction lengths add up to " + total + " bytes but " + in.remaining() + " remain");
    }
    TxContext ctx = TxContext.of(network, header.height());
    List<Transaction> transactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      transactions.add(TransactionDecoder.decode(bytes, in.position(), lengths[i], ctx));
      in.skip(lengths[i], "transaction");
    }
    return new Block(header, transactions, idOf(header));
  }

  /** Only the header (as P2P checks the transaction count before decoding a whole block). */
  public BlockHeader decodeHeader(byte[] bytes) throws DecodeException {
    return headers.decode(new ByteReader(bytes));
  }

  public byte[] serialize(Block block) throws DecodeException {
    byte[] header = headers.serialize(block.header(), true);
    ByteWriter out = new ByteWriter(header.length + 256 * block.transactions().size() + 16);
    out.bytes(header);
    for (Transaction tx : block.transactions()) {
      out.u32(tx.serializedLength());
    }
    for (Transaction tx : block.transactions()) {
      tx.writeTo(out);
    }
    return out.toByteArray();
  }

  /** Header with signature plus a 4-byte length and the bytes of each transaction (§5.7 rule 6). */
  public long serializedSize(Block block) throws DecodeException {
    long size = headers.serialize(block.header(), true).length;
    for (Transaction tx : block.transactions()) {
      size += 4L + tx.serializedLength();
    }
    return size;
  }

  /**
   * The id of a block with this header; genesis blocks use the generators' unsigned rule (§5.6). A
   * network's {@code outlookTable} renames some computed ids, as ARK's deserializer does.
   */
  public String idOf(BlockHeader header) throws DecodeException {
    String computed = header.height() == 1 ? headers.genesisId(header) : headers.id(header);
    return network.exceptions().blockId(computed);
  }
}
