package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.proto.PeerProto;
import java.util.ArrayList;
import java.util.List;

/** Route {@code p2p.peer.getCommonBlocks}. */
public final class GetCommonBlocksCodec {
  public static final String ROUTE = "p2p.peer.getCommonBlocks";

  private GetCommonBlocksCodec() {}

  public static byte[] encodeRequest(GetCommonBlocksRequest request) {
    PeerProto.GetCommonBlocksRequest.Builder b =
        PeerProto.GetCommonBlocksRequest.newBuilder().addAllIds(request.ids());
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static GetCommonBlocksRequest decodeRequest(byte[] payload) throws DecodeException {
    PeerProto.GetCommonBlocksRequest m =
        Protobuf.parse(
            PeerProto.GetCommonBlocksRequest.parser(), payload, "getCommonBlocks request");
    if (m.getIdsCount() > GetCommonBlocksRequest.MAX_IDS) {
      throw new DecodeException("getCommonBlocks asks for more than 10 ids");
    }
    List<String> ids = new ArrayList<>(m.getIdsCount());
    for (String id : m.getIdsList()) {
      ids.add(Protobuf.text(id, "block id"));
    }
    return new GetCommonBlocksRequest(
        ids, m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(GetCommonBlocksResponse response) {
    PeerProto.GetCommonBlocksResponse.Builder b = PeerProto.GetCommonBlocksResponse.newBuilder();
    CommonBlock common = response.common();
    if (common != null) {
      b.setCommon(
          PeerProto.GetCommonBlocksResponse.Common.newBuilder()
              .setHeight((int) common.height())
              .setId(common.id()));
    }
    return b.build().toByteArray();
  }

  public static GetCommonBlocksResponse decodeResponse(byte[] payload) throws DecodeException {
    PeerProto.GetCommonBlocksResponse m =
        Protobuf.parse(
            PeerProto.GetCommonBlocksResponse.parser(), payload, "getCommonBlocks answer");
    if (!m.hasCommon()) {
      return new GetCommonBlocksResponse(null);
    }
    PeerProto.GetCommonBlocksResponse.Common common = m.getCommon();
    return new GetCommonBlocksResponse(
        new CommonBlock(
            Integer.toUnsignedLong(common.getHeight()),
            Protobuf.text(common.getId(), "common id")));
  }
}
