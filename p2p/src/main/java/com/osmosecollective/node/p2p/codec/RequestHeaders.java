package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.proto.ProtoReader;

/** Requests whose only field is {@code shared.Headers} (getPeers, getStatus). */
final class RequestHeaders {
  private RequestHeaders() {}

  /** The headers at {@code headersField}, or null when absent; other fields are skipped. */
  static Headers only(byte[] payload, int headersField) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    Headers headers = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == headersField) {
        headers = HeadersCodec.read(r);
      } else {
        r.skip(field);
      }
    }
    return headers;
  }
}
