package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;

/** Route {@code p2p.blocks.postBlock}: one full serialized block (spec §5.3 bytes). */
public final class PostBlockCodec {
  public static final String ROUTE = "p2p.blocks.postBlock";

  private PostBlockCodec() {}

  public static byte[] encodeRequest(PostBlockRequest request) {
    ProtoWriter out = new ProtoWriter().bytes(1, request.block());
    if (request.headers() != null) {
      out.message(2, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static PostBlockRequest decodeRequest(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    Bytes block = Bytes.EMPTY;
    Headers headers = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> block = r.bytes(payload.length, "posted block");
        case 2 -> headers = HeadersCodec.read(r);
        default -> r.skip(field);
      }
    }
    return new PostBlockRequest(block, headers);
  }

  public static byte[] encodeResponse(PostBlockResponse response) {
    return new ProtoWriter().bool(1, response.status()).uint32(2, response.height()).toByteArray();
  }

  public static PostBlockResponse decodeResponse(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    boolean status = false;
    long height = 0;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> status = r.bool("postBlock status");
        case 2 -> height = r.uint32("postBlock height");
        default -> r.skip(field);
      }
    }
    return new PostBlockResponse(status, height);
  }
}
