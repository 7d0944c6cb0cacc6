package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetBlocksRequest;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Route {@code p2p.blocks.getBlocks}. The request is a protobuf message; the answer is not one but
 * ARK's packing ({@code codecs/blocks.ts}): for each block a u32 big-endian length and a {@code
 * GetBlocksResponse.BlockHeader} whose field 16 packs the block's transactions the same way.
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
    ProtoWriter out =
        new ProtoWriter()
            .uint32(1, request.lastBlockHeight())
            .uint32(2, request.blockLimit())
            .bool(3, request.headersOnly())
            .bool(4, request.serialized());
    if (request.headers() != null) {
      out.message(5, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static GetBlocksRequest decodeRequest(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    long lastBlockHeight = 0;
    long blockLimit = 0;
    boolean headersOnly = false;
    boolean serialized = false;
    Headers headers = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> lastBlockHeight = r.uint32("lastBlockHeight");
        case 2 -> blockLimit = r.uint32("blockLimit");
        case 3 -> headersOnly = r.bool("headersOnly");
        case 4 -> serialized = r.bool("serialized");
        case 5 -> headers = HeadersCodec.read(r);
        default -> r.skip(field);
      }
    }
    return new GetBlocksRequest(lastBlockHeight, blockLimit, headersOnly, serialized, headers);
  }

  public static byte[] encodeResponse(List<DownloadedBlock> blocks) {
    List<Bytes> encoded = new ArrayList<>(blocks.size());
    for (DownloadedBlock block : blocks) {
      ProtoWriter out = new ProtoWriter();
      WireBlockHeaderCodec.write(out, block.header());
      // ARK always sets field 16, to an empty buffer when only headers are sent.
      out.bytes(16, LengthPrefixedList.encode(block.transactions()));
      encoded.add(Bytes.of(out.toByteArray()));
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
    ProtoReader r = new ProtoReader(message);
    WireBlockHeaderCodec.Reader header = new WireBlockHeaderCodec.Reader();
    List<Bytes> transactions = List.of();
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 16) {
        byte[] packed = r.bytes(message.length, "block transactions").toArray();
        transactions =
            LengthPrefixedList.decode(packed, maxTransactionsPerBlock, "block transactions");
      } else if (!header.read(field, r)) {
        r.skip(field);
      }
    }
    return new DownloadedBlock(header.build(), transactions);
  }
}
