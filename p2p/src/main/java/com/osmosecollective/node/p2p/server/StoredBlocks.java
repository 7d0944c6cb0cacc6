package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.storage.BlockData;
import java.util.ArrayList;
import java.util.List;

/**
 * getBlocks entries straight from stored block bytes: the header is decoded, the transactions are
 * sliced out by the stored length table and never parsed (they were verified when committed).
 */
final class StoredBlocks {
  private final BlockCodec codec;

  StoredBlocks(BlockCodec codec) {
    this.codec = codec;
  }

  DownloadedBlock downloaded(BlockData stored, boolean headersOnly) throws DecodeException {
    byte[] bytes = stored.serialized();
    ByteReader in = new ByteReader(bytes);
    BlockHeader header = codec.headers().decode(in);
    List<Bytes> transactions = new ArrayList<>();
    if (!headersOnly) {
      int count = header.numberOfTransactions();
      int[] lengths = new int[count];
      for (int i = 0; i < count; i++) {
        lengths[i] = in.u32AsInt("transaction length");
      }
      int offset = in.position();
      for (int length : lengths) {
        transactions.add(Bytes.of(bytes, offset, length));
        offset += length;
      }
    }
    Block headerOnly = new Block(header, List.of(), stored.id());
    DownloadedBlock entry = WireBlocks.downloaded(headerOnly, true);
    return new DownloadedBlock(entry.header(), transactions);
  }
}
