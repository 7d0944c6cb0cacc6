package com.osmosecollective.node.p2p.codec;

import com.google.protobuf.UnsafeByteOperations;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetBlocksRequest;
import com.osmosecollective.node.p2p.proto.BlocksProto;
import com.osmosecollective.node.p2p.proto.SharedProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Route {@code p2p.blocks.getBlocks}. The request is a protobuf message; the answer is not one but
 * ARK's packing ({@code codecs/blocks.ts}): for each block a u32 big-endian length and a block
 * header message whose field 16 packs the block's transactions the same way.
 */
public final class GetBlocksCodec {
  public static final String ROUTE = "p2p.blocks.getBlocks";

  private final int maxTransactionsPerBlock;

  /** ARK's decoder limit of 500 transactions per block. */
  public GetBlocksCodec() {
    this(DownloadedBlock.DEFAULT_MAX_TRANSACTIONS);
  }

  /** For networks whose milestones allow bigger blocks than ARK's decoder does. */
  public GetBlocksCodec(int maxTransactionsPerBlock) {
    if (maxTransactionsPerBlock < 0) {
      throw new IllegalArgumentException("negative transaction limit");
    }
    this.maxTransactionsPerBlock = maxTransactionsPerBlock;
  }

  public static byte[] encodeRequest(GetBlocksRequest request) {
    BlocksProto.GetBlocksRequest.Builder b =
        BlocksProto.GetBlocksRequest.newBuilder()
            .setLastBlockHeight((int) request.lastBlockHeight())
            .setBlockLimit((int) request.blockLimit())
            .setHeadersOnly(request.headersOnly())
            .setSerialized(request.serialized());
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static GetBlocksRequest decodeRequest(byte[] payload) throws DecodeException {
    BlocksProto.GetBlocksRequest m =
        Protobuf.parse(BlocksProto.GetBlocksRequest.parser(), payload, "getBlocks request");
    return new GetBlocksRequest(
        Integer.toUnsignedLong(m.getLastBlockHeight()),
        Integer.toUnsignedLong(m.getBlockLimit()),
        m.getHeadersOnly(),
        m.getSerialized(),
        m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(List<DownloadedBlock> blocks) {
    List<Bytes> encoded = new ArrayList<>(blocks.size());
    for (DownloadedBlock block : blocks) {
      // ARK always sets field 16, to an empty buffer when only headers are sent.
      SharedProto.BlockHeader message =
          WireBlockHeaderCodec.write(block.header())
              .setTransactions(
                  UnsafeByteOperations.unsafeWrap(LengthPrefixedList.encode(block.transactions())))
              .build();
      encoded.add(Bytes.of(message.toByteArray()));
    }
    return LengthPrefixedList.encode(encoded);
  }

  public List<DownloadedBlock> decodeResponse(byte[] payload) throws DecodeException {
    List<Bytes> entries =
        LengthPrefixedList.decode(payload, DownloadedBlock.MAX_BLOCKS, "getBlocks answer");
    List<DownloadedBlock> blocks = new ArrayList<>(entries.size());
    for (Bytes entry : entries) {
      blocks.add(decodeBlock(entry.toArray()));
    }
    return blocks;
  }

  private DownloadedBlock decodeBlock(byte[] message) throws DecodeException {
    SharedProto.BlockHeader m =
        Protobuf.parse(SharedProto.BlockHeader.parser(), message, "downloaded block");
    List<Bytes> transactions =
        LengthPrefixedList.decode(
            m.getTransactions().toByteArray(), maxTransactionsPerBlock, "block transactions");
    return new DownloadedBlock(WireBlockHeaderCodec.read(m), transactions);
  }
}
