package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Peers' blocks as node-core blocks: the id is recomputed from the header (a peer's id is never
 * taken on trust) and must equal the one it sent; the generator's signature is checked on demand.
 */
public final class WireBlockReader {
  private final Network network;
  private final BlockCodec codec;
  private final SignatureVerifier signatures;

  public WireBlockReader(Network network, SignatureVerifier signatures) {
    this.network = network;
    this.codec = new BlockCodec(network);
    this.signatures = signatures;
  }

  /** A header-only block (a status tip, a headers-only download). */
  public Block header(WireBlockHeader wire) throws DecodeException {
    return block(wire, List.of(), false);
  }

  /** A downloaded block with its transactions decoded (signatures are the chain's to check). */
  public Block block(DownloadedBlock downloaded) throws DecodeException {
    return block(downloaded.header(), downloaded.transactions(), true);
  }

  private Block block(WireBlockHeader wire, List<Bytes> serialized, boolean whole)
      throws DecodeException {
    BlockHeader header = WireBlocks.toCoreHeader(wire);
    String id = codec.idOf(header);
    if (wire.id() != null && !wire.id().equals(id)) {
      throw new DecodeException(
          "block " + wire.height() + " claims id " + wire.id() + ", is " + id);
    }
    if (whole && serialized.size() != header.numberOfTransactions()) {
      throw new DecodeException(
          "block "
              + header.height()
              + " carries "
              + serialized.size()
              + " transactions, its header says "
              + header.numberOfTransactions());
    }
    TxContext ctx = TxContext.of(network, header.height());
    if (!whole) {
      return new Block(header, List.of(), id);
    }
    List<Transaction> transactions = new ArrayList<>(serialized.size());
    for (Bytes tx : serialized) {
      transactions.add(TransactionDecoder.decode(tx.toArray(), ctx));
    }
    return new Block(header, transactions, id);
  }

  /** Whether the generator's signature over the header holds. */
  public boolean signatureValid(Block block) {
    BlockHeader header = block.header();
    try {
      return header.blockSignature() != null
          && signatures.verifyEcdsa(
              codec.headers().signingDigest(header),
              header.blockSignature(),
              header.generatorPublicKey());
    } catch (DecodeException | RuntimeException e) {
      return false;
    }
  }
}
