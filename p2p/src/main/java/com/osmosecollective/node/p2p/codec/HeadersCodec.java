package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;

/** {@code shared.Headers { string version = 1; }}, embedded in every request. */
final class HeadersCodec {
  private HeadersCodec() {}

  static ProtoWriter write(Headers headers) {
    return new ProtoWriter().string(1, headers.version());
  }

  static Headers read(ProtoReader in) throws DecodeException {
    ProtoReader r = in.message(WireLimits.MAX_TEXT_BYTES, "headers");
    String version = "";
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 1) {
        version = r.string(WireLimits.MAX_TEXT_BYTES, "headers.version");
      } else {
        r.skip(field);
      }
    }
    return new Headers(version);
  }
}
