package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.message.Headers;
import java.net.InetAddress;

/** Hears of the caller of every public request (peer acceptance of inbound callers). */
@FunctionalInterface
public interface InboundCallers {
  /** {@code ip} is the socket's; {@code headers} the request's. */
  void seen(InetAddress ip, Headers headers);
}
