package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/** Route {@code p2p.peer.getCommonBlocks}. */
public final class GetCommonBlocksCodec {
  public static final String ROUTE = "p2p.peer.getCommonBlocks";

  private GetCommonBlocksCodec() {}

  public static byte[] encodeRequest(GetCommonBlocksRequest request) {
    ProtoWriter out = new ProtoWriter();
    for (String id : request.ids()) {
      out.string(1, id);
    }
    if (request.headers() != null) {
      out.message(2, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static GetCommonBlocksRequest decodeRequest(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    List<String> ids = new ArrayList<>();
    Headers headers = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> {
          if (ids.size() == GetCommonBlocksRequest.MAX_IDS) {
            throw new DecodeException("getCommonBlocks asks for more than 10 ids");
          }
          ids.add(r.string(WireLimits.MAX_TEXT_BYTES, "block id"));
        }
        case 2 -> headers = HeadersCodec.read(r);
        default -> r.skip(field);
      }
    }
    return new GetCommonBlocksRequest(ids, headers);
  }

  public static byte[] encodeResponse(GetCommonBlocksResponse response) {
    ProtoWriter out = new ProtoWriter();
    CommonBlock common = response.common();
    if (common != null) {
      out.message(1, new ProtoWriter().uint32(1, common.height()).string(2, common.id()));
    }
    return out.toByteArray();
  }

  public static GetCommonBlocksResponse decodeResponse(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    CommonBlock common = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 1) {
        common = readCommon(r.message(WireLimits.MAX_TEXT_BYTES, "common block"));
      } else {
        r.skip(field);
      }
    }
    return new GetCommonBlocksResponse(common);
  }

  private static CommonBlock readCommon(ProtoReader r) throws DecodeException {
    long height = 0;
    String id = "";
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> height = r.uint32("common height");
        case 2 -> id = r.string(WireLimits.MAX_TEXT_BYTES, "common id");
        default -> r.skip(field);
      }
    }
    return new CommonBlock(height, id);
  }
}
