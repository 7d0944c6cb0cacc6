package com.osmosecollective.node.p2p.codec;

import com.google.protobuf.UnsafeByteOperations;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.proto.BlocksProto;

/** Route {@code p2p.blocks.postBlock}: one full serialized block (spec §5.3 bytes). */
public final class PostBlockCodec {
  public static final String ROUTE = "p2p.blocks.postBlock";

  private PostBlockCodec() {}

  public static byte[] encodeRequest(PostBlockRequest request) {
    BlocksProto.PostBlockRequest.Builder b =
        BlocksProto.PostBlockRequest.newBuilder()
            .setBlock(UnsafeByteOperations.unsafeWrap(request.block().toArray()));
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static PostBlockRequest decodeRequest(byte[] payload) throws DecodeException {
    BlocksProto.PostBlockRequest m =
        Protobuf.parse(BlocksProto.PostBlockRequest.parser(), payload, "postBlock request");
    return new PostBlockRequest(
        Bytes.of(m.getBlock().toByteArray()),
        m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(PostBlockResponse response) {
    return BlocksProto.PostBlockResponse.newBuilder()
        .setStatus(response.status())
        .setHeight((int) response.height())
        .build()
        .toByteArray();
  }

  public static PostBlockResponse decodeResponse(byte[] payload) throws DecodeException {
    BlocksProto.PostBlockResponse m =
        Protobuf.parse(BlocksProto.PostBlockResponse.parser(), payload, "postBlock answer");
    return new PostBlockResponse(m.getStatus(), Integer.toUnsignedLong(m.getHeight()));
  }
}
