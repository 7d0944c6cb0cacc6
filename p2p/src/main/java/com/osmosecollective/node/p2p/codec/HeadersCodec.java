package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.proto.SharedProto;

/** {@code shared.Headers { string version = 1; }}, embedded in every request. */
final class HeadersCodec {
  private HeadersCodec() {}

  static SharedProto.Headers write(Headers headers) {
    SharedProto.Headers.Builder b = SharedProto.Headers.newBuilder().setVersion(headers.version());
    if (headers.port() != null) {
      b.setPort(headers.port());
    }
    return b.build();
  }

  /** The record of a present headers field; an absent version reads as "" as protobufjs does. */
  static Headers read(SharedProto.Headers headers) throws DecodeException {
    return new Headers(
        Protobuf.text(headers.getVersion(), "headers.version"),
        headers.hasPort() ? headers.getPort() : null);
  }
}
